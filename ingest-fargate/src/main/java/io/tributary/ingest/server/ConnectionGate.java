package io.tributary.ingest.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every connection: enforces the total and per-IP connection caps, so a flood of
 * sockets from one peer (500 idle connections) cannot starve the others. A connection over a cap
 * is closed at once and alone. Shared by all channels.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
  private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("tributary.counted");

  private final int maxConnections;
  private final int maxPerIp;
  private final IngestMetrics metrics;
  private final ConcurrentHashMap<InetAddress, AtomicInteger> perIp = new ConcurrentHashMap<>();
  private volatile boolean draining;

  ConnectionGate(int maxConnections, int maxPerIp, IngestMetrics metrics) {
    this.maxConnections = maxConnections;
    this.maxPerIp = maxPerIp;
    this.metrics = metrics;
  }

  void drain() {
    draining = true;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    InetAddress ip = ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress() : InetAddress.getLoopbackAddress();
    String refusal = null;
    if (draining) {
      refusal = "draining";
    } else if (metrics.connections.incrementAndGet() > maxConnections) {
      metrics.connections.decrementAndGet();
      refusal = "max-connections";
    } else if (perIp.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet() > maxPerIp) {
      perIp.get(ip).decrementAndGet();
      metrics.connections.decrementAndGet();
      refusal = "per-ip-cap";
    }
    if (refusal != null) {
      metrics.rejectedConnection(refusal);
      LOG.warn("connection from {} refused: {} (caps: {} total, {} per IP)", ctx.channel().remoteAddress(), refusal,
          maxConnections, maxPerIp);
      ctx.close();
      return;
    }
    metrics.accepted.increment();
    ctx.channel().attr(COUNTED).set(ip);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    InetAddress ip = ctx.channel().attr(COUNTED).getAndSet(null);
    if (ip != null) {
      metrics.connections.decrementAndGet();
      AtomicInteger n = perIp.get(ip);
      if (n != null && n.decrementAndGet() <= 0) {
        perIp.remove(ip, n);
      }
    }
    super.channelInactive(ctx);
  }
}
