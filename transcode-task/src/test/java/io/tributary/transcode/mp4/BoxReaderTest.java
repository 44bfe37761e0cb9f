package io.tributary.transcode.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxReaderTest {
  @Test
  void readsNestedAndLargesizeBoxes() {
    byte[] b = HexFormat.of().parseHex(("00000010 6d6f6f76 00000008 7472616b" + "00000001 6d646174 0000000000000014 cafebabe").replace(" ", ""));
    BoxReader r = new BoxReader(b);
    List<Box> top = r.top();
    assertEquals(List.of("moov", "mdat"), top.stream().map(Box::type).toList());
    assertEquals(16, top.get(1).headerSize());
    assertEquals(20, top.get(1).size());
    assertEquals("trak", r.find("moov/trak").orElseThrow().type());
  }

  @Test
  void truncatedBoxIsAnMp4ExceptionNamingIt() {
    byte[] b = HexFormat.of().parseHex(("00000020 6d6f6f66 0000").replace(" ", ""));
    Mp4Exception e = assertThrows(Mp4Exception.class, () -> new BoxReader(b).top());
    assertEquals("moof", e.box());
    assertEquals(0, e.offset());
  }

  @Test
  void splitRefusesAFileWithoutFragments() {
    byte[] b = HexFormat.of().parseHex(("00000008 66747970 00000008 6d6f6f76 00000008 6d646174").replace(" ", ""));
    assertThrows(Mp4Exception.class, () -> CmafSplit.of(b));
  }
}
