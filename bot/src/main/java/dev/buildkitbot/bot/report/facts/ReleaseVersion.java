package dev.buildkitbot.bot.report.facts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A BuildKit or Buildx version as a comparable number: {@code v0.13.0-rc1}, {@code v0.12.5+ce}, {@code 0.19.0-rc3-72-gb89ee491b}. */
public record ReleaseVersion(int major, int minor, int patch, boolean preRelease) implements Comparable<ReleaseVersion> {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(-[0-9A-Za-z.]+)?");

    public static Optional<ReleaseVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) != null));
    }

    @Override
    public int compareTo(ReleaseVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c == 0 && preRelease != o.preRelease) {
            c = preRelease ? -1 : 1;
        }
        return c;
    }

    /** True when {@code installed} is an older release line or patch than {@code latest}. */
    public static boolean older(String installed, String latest) {
        Optional<ReleaseVersion> a = parse(installed);
        Optional<ReleaseVersion> b = parse(latest);
        return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) < 0;
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
