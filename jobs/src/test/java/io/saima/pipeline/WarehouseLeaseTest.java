package io.saima.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease as seen from another host: only its renewals say whether its holder is alive. */
class WarehouseLeaseTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private final Configuration hadoop = new Configuration();

  @Test
  void aLeaseOfAnotherHostRenewedWithinTheLeaseTimeIsHeld(@TempDir Path warehouse)
      throws IOException {
    leaseOfAnotherHost(warehouse, Instant.now().minusSeconds(10));

    WarehouseLease.HeldException refused =
        assertThrows(
            WarehouseLease.HeldException.class,
            () -> WarehouseLease.acquire(hadoop, warehouse.toString(), "build", "mine", LEASE));

    assertEquals("elsewhere.example", refused.holder().host());
    assertTrue(
        refused
            .getMessage()
            .contains("nightly run run-elsewhere on host elsewhere.example, pid 4242"),
        refused.getMessage());
    assertTrue(WarehouseLease.holder(hadoop, warehouse.toString(), LEASE).isPresent());
  }

  @Test
  void aLeaseOfAnotherHostNotRenewedForTheLeaseTimeIsTakenOver(@TempDir Path warehouse)
      throws IOException {
    leaseOfAnotherHost(warehouse, Instant.now().minus(LEASE).minusSeconds(5));

    assertTrue(WarehouseLease.holder(hadoop, warehouse.toString(), LEASE).isEmpty());
    assertTrue(
        WarehouseLease.describe(hadoop, warehouse.toString(), LEASE)
            .startsWith("free: left by a run that is gone (not renewed for 65 s"),
        WarehouseLease.describe(hadoop, warehouse.toString(), LEASE));
    try (WarehouseLease lease =
        WarehouseLease.acquire(hadoop, warehouse.toString(), "build", "mine", LEASE)) {
      assertEquals(2, lease.generation());
      assertEquals(
          "mine", WarehouseLease.holder(hadoop, warehouse.toString(), LEASE).orElseThrow().runId());
    }
    assertTrue(WarehouseLease.holder(hadoop, warehouse.toString(), LEASE).isEmpty());
  }

  @Test
  void aPidOfAnotherPidNamespaceOnTheSameHostNameIsJudgedByRenewalsOnly(@TempDir Path warehouse)
      throws IOException {
    // Containers with host networking share the host name but number their processes apart: a
    // pid that is not running here may be running there.
    lease(
        warehouse,
        WarehouseLease.thisHostName(),
        "pid:[1]",
        Long.toString(Integer.MAX_VALUE),
        Instant.now().minusSeconds(10));

    WarehouseLease.HeldException refused =
        assertThrows(
            WarehouseLease.HeldException.class,
            () -> WarehouseLease.acquire(hadoop, warehouse.toString(), "build", "mine", LEASE));
    assertEquals(Integer.MAX_VALUE, refused.holder().pid());
  }

  @Test
  void aWriterInThisProcessHoldingTheLeaseRefusesTheNext(@TempDir Path warehouse) {
    try (WarehouseLease lease =
        WarehouseLease.acquire(hadoop, warehouse.toString(), "nightly", "first", LEASE)) {
      WarehouseLease.HeldException refused =
          assertThrows(
              WarehouseLease.HeldException.class,
              () -> WarehouseLease.acquire(hadoop, warehouse.toString(), "build", "second", LEASE));
      assertEquals("first", refused.holder().runId());
    }
    try (WarehouseLease lease =
        WarehouseLease.acquire(hadoop, warehouse.toString(), "build", "third", LEASE)) {
      assertEquals(2, lease.generation());
    }
  }

  /**
   * Writes generation 1 of the lease as a run on another host would, last renewed at {@code
   * renewed}.
   */
  private static void leaseOfAnotherHost(Path warehouse, Instant renewed) throws IOException {
    lease(warehouse, "elsewhere.example", "", "4242", renewed);
  }

  private static void lease(
      Path warehouse, String host, String pidNamespace, String pid, Instant renewed)
      throws IOException {
    Path file = warehouse.resolve("_lease").resolve("g-00000000000000000001.lease");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        String.join(
            "\n",
            "host=" + host,
            "pid=" + pid,
            "pid_namespace=" + pidNamespace.replace(":", "\\:"),
            "process_started_at=2026-12-07T01\\:00\\:00Z",
            "command=nightly",
            "run_id=run-elsewhere",
            "started_at=2026-12-07T01\\:00\\:05Z"),
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(renewed));
  }
}
