package io.tributary.api.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.StreamId;
import io.tributary.core.keys.StreamKeys;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@ExtendWith(LocalAwsExtension.class)
class DynamoKeyRepositoryIT {
  private static KeyRecord key(String streamId, long createdAt) {
    String k = StreamKeys.generate();
    return new KeyRecord(StreamKeys.hash(k), KeyIds.random(), streamId, StreamKeys.last4(k), createdAt,
        Optional.empty(), Optional.empty());
  }

  @Test
  void listsNewestFirstRevokesOnceNeverOverwrites(LocalAws aws) {
    var repo = new DynamoKeyRepository(aws.clients().dynamo(), aws.names());
    String stream = StreamId.random().value();
    KeyRecord a = key(stream, 1000);
    KeyRecord b = key(stream, 2000);
    repo.create(a);
    repo.create(b);
    assertThrows(ConditionalCheckFailedException.class, () -> repo.create(a));
    assertEquals(List.of(b, a), repo.listByStream(stream));
    assertTrue(repo.revoke(a.keyHash(), 5000));
    assertFalse(repo.revoke(a.keyHash(), 6000), "revokedAt keeps the first revocation time");
    assertFalse(repo.revoke(StreamKeys.hash("never-issued"), 6000), "revoking an unknown hash creates nothing");
    KeyRecord revoked = repo.listByStream(stream).get(1);
    assertEquals(Optional.of(5000L), revoked.revokedAt());
    assertFalse(revoked.active());
    assertEquals(List.of(), repo.listByStream(StreamId.random().value()));
  }
}
