package dev.buildkitbot.bot.report.capture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityWordsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "Looks like CVE-2024-23651 again: a cache mount race lets a build write outside of it",
            "possible privilege escalation through the RUN --security=insecure entitlement",
            "A RUN step can break out of the container and see the host's /etc",
            "the build secret leaks into the image layer",
            "my GITHUB_TOKEN passed as a build secret ends up in the provenance attestation",
            "the credentials are visible in the image history",
            "this bypasses the entitlement check for network.host",
            "a Dockerfile frontend can read files of another user on a shared builder",
            "remote code execution via a crafted Dockerfile",
            "path traversal in COPY --from lets me read /etc/shadow",
            "I think this is a security vulnerability"})
    void vulnerabilitiesInAReportersWordsAreNoticed(String text) {
        assertThat(SecurityWords.in(text)).as(text).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "build hangs at RUN --mount=type=secret,id=npmrc",
            "buildkitd leaks memory after a thousand builds",
            "the cache mount is empty on the second build",
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "how do I pass a secret to docker buildx bake?",
            "failed to solve: failed to fetch oauth token: unexpected status: 401 Unauthorized",
            "exporting to image takes 10 minutes"})
    void ordinaryBugsAreNot(String text) {
        assertThat(SecurityWords.in(text)).as(text).isEmpty();
    }
}
