package dev.buildkitbot.bot.report;

/** Realistic captures for tests. */
public final class Samples {
    private Samples() {
    }

    /**
     * {@code docker buildx version} + {@code docker buildx inspect --bootstrap} of a docker-container
     * builder {@code repro} created with {@code --debugaddr}, in the current layout.
     */
    public static final String INSPECT = """
            github.com/docker/buildx v0.17.1 257815a
            Name:          repro
            Driver:        docker-container
            Last Activity: 2026-11-28 09:12:03 +0000 UTC

            Nodes:
            Name:                  repro0
            Endpoint:              unix:///var/run/docker.sock
            Driver Options:        image="moby/buildkit:v0.12.5"
            Status:                running
            BuildKit daemon flags: --debugaddr=127.0.0.1:6060 --allow-insecure-entitlement=network.host
            BuildKit version:      v0.12.5
            Platforms:             linux/arm64*, linux/arm/v7, linux/arm/v6
            Labels:
             org.mobyproject.buildkit.worker.executor:         oci
             org.mobyproject.buildkit.worker.hostname:         docker-desktop
             org.mobyproject.buildkit.worker.network:          host
             org.mobyproject.buildkit.worker.oci.process-mode: sandbox
             org.mobyproject.buildkit.worker.selinux.enabled:  false
             org.mobyproject.buildkit.worker.snapshotter:      overlayfs
            GC Policy rule#0:
             All:           false
            """;

    /** A goroutine dump of {@code goroutines} complete blocks. */
    public static String dump(int goroutines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= goroutines; i++) {
            sb.append("goroutine ").append(i).append(" [select, 5 minutes]:\n")
                    .append("github.com/moby/buildkit/solver.(*scheduler).loop(0xc000123)\n")
                    .append("\t/src/solver/scheduler.go:97 +0x1a5\n")
                    .append("created by github.com/moby/buildkit/solver.newScheduler\n")
                    .append("\t/src/solver/scheduler.go:35 +0x1ab\n\n");
        }
        return sb.toString();
    }
}
