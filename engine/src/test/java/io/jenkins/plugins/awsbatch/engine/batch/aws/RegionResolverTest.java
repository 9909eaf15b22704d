package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

class RegionResolverTest {
    @TempDir
    Path dir;

    private ProfileFile config(String content) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, content);
        return ProfileFile.builder()
                .content(file)
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
    }

    @Test
    void explicitThenEnvironmentThenProfile() throws Exception {
        ProfileFile profiles = config("[default]\nregion = ap-south-1\n[profile work]\nregion = eu-central-1\n");
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2");
        assertThat(new RegionResolver(env::get, () -> profiles).resolve("eu-north-1", null))
                .isEqualTo(Region.EU_NORTH_1);
        assertThat(new RegionResolver(env::get, () -> profiles).resolve(null, null))
                .isEqualTo(Region.EU_WEST_1);
        assertThat(new RegionResolver(Map.of("AWS_DEFAULT_REGION", "us-west-2")::get, () -> profiles)
                        .resolve(" ", null))
                .isEqualTo(Region.US_WEST_2);
        assertThat(new RegionResolver(Map.<String, String>of()::get, () -> profiles).resolve(null, null))
                .isEqualTo(Region.AP_SOUTH_1);
        assertThat(new RegionResolver(Map.<String, String>of()::get, () -> profiles).resolve(null, "work"))
                .isEqualTo(Region.EU_CENTRAL_1);
        assertThat(new RegionResolver(Map.of("AWS_PROFILE", "work")::get, () -> profiles).resolve(null, null))
                .isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void noRegionAnywhereIsAClearErrorNeverUsEast1() throws Exception {
        ProfileFile empty = config("[default]\noutput = json\n");
        assertThatThrownBy(() -> new RegionResolver(Map.<String, String>of()::get, () -> empty).resolve(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no AWS region")
                .hasMessageContaining("--region")
                .hasMessageContaining("AWS_REGION")
                .hasMessageContaining("~/.aws/config");
        assertThatThrownBy(() -> new RegionResolver(Map.<String, String>of()::get, () -> {
                            throw new IllegalStateException("unreadable");
                        })
                        .resolve(null, null))
                .hasMessageContaining("no AWS region");
    }
}
