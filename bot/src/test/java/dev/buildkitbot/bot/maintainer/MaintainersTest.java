package dev.buildkitbot.bot.maintainer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintainersTest {
    @Test
    void listedIdsAndGroupMembersAreMaintainersTheGroupIsLoadedOnce() {
        AtomicInteger loads = new AtomicInteger();
        Maintainers m = new Maintainers(Set.of("U0LISTED01"), () -> {
            loads.incrementAndGet();
            return Set.of("U0GROUP001");
        });
        assertThat(m.isMaintainer("U0LISTED01")).isTrue();
        assertThat(m.isMaintainer("U0GROUP001")).isTrue();
        assertThat(m.isMaintainer("U0GROUP001")).isTrue();
        assertThat(m.isMaintainer("U0RANDOM01")).isFalse();
        assertThat(m.isMaintainer(null)).isFalse();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aGroupThatCannotBeResolvedRefusesRatherThanCrashes() {
        Maintainers m = new Maintainers(Set.of(), () -> {
            throw new IllegalStateException("usergroups.list: missing_scope");
        });
        assertThat(m.isMaintainer("U0ANYONE01")).isFalse();
    }

    @Test
    void requestsRoundTripThroughTheButtonValue() {
        InfoRequest r = new InfoRequest("U1", "U2", "C3", "17.1", List.of(RequestItem.VERSIONS, RequestItem.PANIC));
        assertThat(InfoRequest.decode(r.encode())).isEqualTo(r);
        assertThat(r.steps()).containsExactly("versions", "error-trace");
        assertThatThrownBy(() -> InfoRequest.decode("U1|U2|C3||nonsense")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InfoRequest.decode("garbage")).isInstanceOf(IllegalArgumentException.class);
        List<String> unknown = new java.util.ArrayList<>();
        assertThat(RequestItem.parse("versions, goroutines,,bisect,zap", unknown))
                .containsExactly(RequestItem.VERSIONS, RequestItem.GOROUTINES, RequestItem.BISECT);
        assertThat(unknown).containsExactly("zap");
    }
}
