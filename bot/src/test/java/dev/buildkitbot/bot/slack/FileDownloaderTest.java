package dev.buildkitbot.bot.slack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileDownloaderTest {
    @Test
    void enforcesTheCapWhateverTheDeclaredSizeAndOnlyTalksToSlack() throws Exception {
        try (FakeSlackApi api = new FakeSlackApi()) {
            api.files.put("ok.txt", "hello".getBytes());
            api.files.put("big.txt", new byte[2_000]);
            FileDownloader downloader = new FileDownloader(SlackAppHarness.BOT_TOKEN, api.url(), 1_000);

            assertThat(downloader.download(api.fileUrl("ok.txt"), 5)).isInstanceOfSatisfying(FileDownloader.Downloaded.class,
                    d -> assertThat(new String(d.content())).isEqualTo("hello"));
            assertThat(downloader.download(api.fileUrl("big.txt"), 10)).isInstanceOfSatisfying(FileDownloader.Refused.class,
                    r -> assertThat(r.reason()).contains("over"));
            assertThat(downloader.download(api.fileUrl("big.txt"), 50_000_000)).isInstanceOf(FileDownloader.Refused.class);
            assertThat(downloader.download(api.fileUrl("missing.txt"), 5)).isInstanceOfSatisfying(FileDownloader.Refused.class,
                    r -> assertThat(r.reason()).contains("HTTP 404"));
            assertThat(downloader.download("https://evil.example/x", 5)).isInstanceOf(FileDownloader.Refused.class);
            assertThat(downloader.download("not a url", 5)).isInstanceOf(FileDownloader.Refused.class);
            assertThat(api.calls("download")).hasSize(3);
        }
    }
}
