package dev.buildkitbot.bot.report.facts;

import dev.buildkitbot.bot.report.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each parser on real output: the samples follow the BuildKit and Buildx docs' examples. */
class SetupParserTest {
    /** docker buildx version + inspect --bootstrap, current layout. */
    static final String INSPECT = Samples.INSPECT;

    /** The older layout, as in docs/reference/buildx_inspect.md. */
    static final String INSPECT_OLD = """
            Name:          elated_tesla
            Driver:        docker-container
            Last Activity: 2022-11-30 12:42:47 +0100 CET

            Nodes:
            Name:           elated_tesla0
            Endpoint:       unix:///var/run/docker.sock
            Driver Options: env.BUILDKIT_STEP_LOG_MAX_SPEED="10485760" image="moby/buildkit:latest" network="host"
            Status:         running
            Flags:          --debug --allow-insecure-entitlement security.insecure --allow-insecure-entitlement network.host
            BuildKit:       v0.10.6
            Platforms:      linux/arm64*, linux/arm/v7, linux/arm/v6
            """;

    static final String DOCKER_VERSION = """
            Client:
             Version:           27.3.1
             API version:       1.47
             OS/Arch:           darwin/arm64
             Context:           desktop-linux

            Server: Docker Desktop 4.36.0 (175267)
             Engine:
              Version:          27.3.1
              API version:      1.47 (minimum version 1.24)
              OS/Arch:          linux/arm64
              Experimental:     false
             containerd:
              Version:          1.7.21
            """;

    static final String DOCKER_INFO = """
            Client:
             Version:    27.3.1
             Context:    rootless
             Debug Mode: false

            Server:
             Containers: 3
             Server Version: 27.3.1
             Storage Driver: overlayfs
              driver-type: io.containerd.snapshotter.v1
             Security Options:
              seccomp
               Profile: builtin
              rootless
              cgroupns
             Kernel Version: 6.8.0-49-generic
             Operating System: Ubuntu 24.04.1 LTS
             OSType: linux
             Architecture: x86_64
             Debug Mode: true
            """;

    /** buildctl debug workers -v, as in docs/cdi.md. */
    static final String WORKERS = """
            Platforms:      linux/amd64,linux/amd64/v2,linux/amd64/v3,linux/arm64
            BuildKit:       github.com/moby/buildkit v0.19.0-rc3-72-gb89ee491b.m b89ee491bc1c40b8533f098dab18e414c8b70885.m
            Labels:
                    org.mobyproject.buildkit.worker.executor:               oci
                    org.mobyproject.buildkit.worker.hostname:               cc39352c87dd
                    org.mobyproject.buildkit.worker.snapshotter:            overlayfs
            """;

    @Test
    void buildxInspectGivesBuilderNodeDriverFlagsAndVersion() {
        SetupFacts f = SetupParser.parse(INSPECT);
        assertThat(f.builder()).isEqualTo("repro");
        assertThat(f.node()).isEqualTo("repro0");
        assertThat(f.container()).isEqualTo("buildx_buildkit_repro0");
        assertThat(f.driver()).isEqualTo("docker-container");
        assertThat(f.endpoint()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(f.daemonFlags()).containsExactly("--debugaddr=127.0.0.1:6060", "--allow-insecure-entitlement=network.host");
        assertThat(f.debugAddress()).isEqualTo("127.0.0.1:6060");
        assertThat(f.debug()).isFalse();
        assertThat(f.buildkitVersion()).isEqualTo("v0.12.5");
        assertThat(f.buildxVersion()).isEqualTo("v0.17.1");
        assertThat(f.dockerDesktop()).isTrue();
        assertThat(f.platform()).isEqualTo("linux/arm64");
        assertThat(f.snapshotter()).isEqualTo("overlayfs");
        assertThat(f.worker()).isEqualTo("oci");
    }

    @Test
    void theOlderInspectLayoutAndADebugAddressGivenAsTwoWords() {
        SetupFacts f = SetupParser.parse(INSPECT_OLD);
        assertThat(f.node()).isEqualTo("elated_tesla0");
        assertThat(f.buildkitVersion()).isEqualTo("v0.10.6");
        assertThat(f.debug()).isTrue();
        assertThat(f.debugAddress()).isNull();
        assertThat(SetupParser.parse("Driver: docker-container\nBuildKit daemon flags: --debugaddr 0.0.0.0:6060\n").debugAddress())
                .isEqualTo("0.0.0.0:6060");
        assertThat(SetupParser.parse("Name: r\nDriver: docker-container\nNodes:\nName: r0\nDriver Options: image=\"moby/buildkit:rootless\"\n").rootless()).isTrue();
    }

    @Test
    void dockerVersionTakesTheServersEngineNotTheClient() {
        SetupFacts f = SetupParser.parse(DOCKER_VERSION);
        assertThat(f.dockerVersion()).isEqualTo("27.3.1");
        assertThat(f.platform()).isEqualTo("linux/arm64");
        assertThat(f.dockerDesktop()).isTrue();
    }

    @Test
    void dockerInfoGivesOsArchitectureRootlessTheImageStoreAndDockerdsDebugMode() {
        SetupFacts f = SetupParser.parse(DOCKER_INFO);
        assertThat(f.dockerVersion()).isEqualTo("27.3.1");
        assertThat(f.os()).isEqualTo("Ubuntu 24.04.1 LTS");
        assertThat(f.platform()).isEqualTo("linux/amd64");
        assertThat(f.rootless()).isTrue();
        assertThat(f.snapshotter()).isEqualTo("containerd image store (overlayfs)");
        assertThat(f.debug()).as("the server's Debug Mode, printed last").isTrue();
        assertThat(f.dockerDesktop()).isNull();
    }

    @Test
    void standaloneToolsAndBuildctlDebugWorkers() {
        SetupFacts versions = SetupParser.parse("buildctl github.com/moby/buildkit v0.16.0 abc123\nbuildkitd github.com/moby/buildkit v0.16.0 abc123\n");
        assertThat(versions.buildctlVersion()).isEqualTo("v0.16.0");
        assertThat(versions.buildkitVersion()).isEqualTo("v0.16.0");
        assertThat(versions.driver()).isEqualTo("buildkitd");

        SetupFacts workers = SetupParser.parse(WORKERS);
        assertThat(workers.buildkitVersion()).isEqualTo("v0.19.0-rc3-72-gb89ee491b.m");
        assertThat(workers.platform()).isEqualTo("linux/amd64");
        assertThat(workers.worker()).isEqualTo("oci");
        assertThat(workers.snapshotter()).isEqualTo("overlayfs");

        assertThat(SetupParser.parse("BuildKit: github.com/moby/buildkit v0.13.0 8e3dd9c\n").buildkitVersion()).isEqualTo("v0.13.0");
        assertThat(SetupParser.parse("github.com/docker/buildx v0.11.2 9872040b6626fb7d87ef7296fd5b832e8cc2ad17").buildxVersion()).isEqualTo("v0.11.2");
    }

    @Test
    void severalOutputsInOnePasteAllCountAndLaterPastesAddToEarlierOnes() {
        SetupFacts f = SetupParser.parse(DOCKER_VERSION + "\n" + INSPECT);
        assertThat(f.dockerVersion()).isEqualTo("27.3.1");
        assertThat(f.builder()).isEqualTo("repro");
        SetupFacts merged = SetupParser.parse(INSPECT).and(SetupParser.parse(DOCKER_INFO));
        assertThat(merged.builder()).isEqualTo("repro");
        assertThat(merged.os()).isEqualTo("Ubuntu 24.04.1 LTS");
        assertThat(merged.describe("docker buildx with the docker-container driver")).contains(
                "How BuildKit runs: docker buildx with the docker-container driver", "BuildKit version: v0.12.5",
                "Buildx driver: docker-container (builder repro)", "Rootless: yes", "Operating system: Ubuntu 24.04.1 LTS");
    }

    @Test
    void nothingKnownInOtherPastes() {
        assertThat(SetupParser.parse("FROM alpine\nRUN echo hi\n").isEmpty()).isTrue();
        assertThat(SetupParser.parse("goroutine 1 [running]:\nmain.main()\n").isEmpty()).isTrue();
        assertThat(SetupParser.parse("").isEmpty()).isTrue();
        assertThat(SetupFacts.NONE.describe(null)).isEmpty();
        assertThat(SetupFacts.NONE.withBuilder("x").describe(null)).isEmpty();
        assertThat(List.of(SetupFacts.NONE.withBuilder("ci").container())).containsExactly("buildx_buildkit_ci0");
    }
}
