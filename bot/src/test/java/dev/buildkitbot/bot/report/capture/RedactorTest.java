package dev.buildkitbot.bot.report.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @Test
    void removesEveryKindOfSecretAndCountsThem() {
        String gh = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        String log = String.join("\n",
                "time=\"2024\" level=debug msg=\"fetch\" token=" + gh,
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
                "{\"auths\":{\"registry.example.com\":{\"auth\":\"dXNlcjpwYXNzd29yZA==\"}}}",
                "pulling https://deploy:s3cr3tPass@registry.example.com/v2/app",
                "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "slack xoxb-123456789012-123456789012-abcdefghijklmnop",
                "gcp AIzaSyA-1234567890abcdefghijklmnopqrstuv",
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA", "-----END RSA PRIVATE KEY-----",
                "#5 RUN --mount=type=secret,id=npm NPM_TOKEN=abcd1234efgh5678 npm ci");

        Redactor.Result r = Redactor.redact(log);

        assertThat(r.text()).doesNotContain(gh, "eyJhbGciOiJIUzI1NiJ9", "dXNlcjpwYXNzd29yZA==", "s3cr3tPass", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI", "xoxb-123456789012", "AIzaSyA-1234567890", "MIIEowIBAAKCAQEA", "abcd1234efgh5678");
        assertThat(r.text()).contains("Authorization: Bearer [REDACTED]", "https://[REDACTED]@registry.example.com/v2/app",
                "\"auth\":\"[REDACTED]\"", "level=debug msg=\"fetch\"");
        assertThat(r.counts()).containsKeys("GitHub token", "Authorization header", "Docker config auth", "password in URL",
                "AWS key", "Slack token", "GCP key", "private key", "secret value");
        assertThat(r.summary()).doesNotContain(gh).contains("1 GitHub token");
    }

    @Test
    void leavesOrdinaryLogsAlone() {
        String text = "#12 0.345 ERROR: failed to compute cache key: \"/go.sum\" not found\ngoroutine 1 [running]:";
        Redactor.Result r = Redactor.redact(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.total()).isZero();
    }
}
