package io.saima.pipeline;

import java.time.Duration;
import org.apache.hadoop.conf.Configuration;

/**
 * A process that takes a warehouse's lease with the real {@link WarehouseLease} and holds it until
 * it is killed: the other writer of the lock tests, without the cost of a night. Arguments: the
 * warehouse, the command and the run id to record.
 */
public final class LeaseHolder {
  private LeaseHolder() {}

  public static void main(String[] args) throws InterruptedException {
    WarehouseLease lease =
        WarehouseLease.acquire(
            new Configuration(), args[0], args[1], args[2], Duration.ofMinutes(2));
    System.out.println("holding generation " + lease.generation());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
