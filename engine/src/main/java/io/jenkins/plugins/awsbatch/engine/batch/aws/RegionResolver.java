package io.jenkins.plugins.awsbatch.engine.batch.aws;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;

/**
 * The run's region: explicit (option or file) → environment ({@code AWS_REGION}, {@code AWS_DEFAULT_REGION}) →
 * the profile's {@code region} in the AWS config file → a clear error. Never a silent {@code us-east-1}, and
 * never the instance metadata service (which hangs off EC2).
 */
public final class RegionResolver {
    private final Function<String, String> env;
    private final Supplier<ProfileFile> profileFile;

    public RegionResolver(Function<String, String> env, Supplier<ProfileFile> profileFile) {
        this.env = env;
        this.profileFile = profileFile;
    }

    public static RegionResolver system() {
        return new RegionResolver(System::getenv, ProfileFile::defaultProfileFile);
    }

    /**
     * @param explicit the region given by option or file, may be null
     * @param profile  the profile to read, may be null ({@code AWS_PROFILE}, else {@code default})
     */
    public Region resolve(String explicit, String profile) {
        if (notBlank(explicit)) {
            return Region.of(explicit.trim());
        }
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = env.apply(name);
            if (notBlank(value)) {
                return Region.of(value.trim());
            }
        }
        String profileName = notBlank(profile)
                ? profile
                : Optional.ofNullable(env.apply("AWS_PROFILE"))
                        .filter(RegionResolver::notBlank)
                        .orElse("default");
        Optional<String> fromProfile;
        try {
            fromProfile = profileFile.get().profile(profileName).flatMap(p -> p.property(ProfileProperty.REGION));
        } catch (RuntimeException e) {
            fromProfile = Optional.empty();
        }
        if (fromProfile.isPresent() && notBlank(fromProfile.get())) {
            return Region.of(fromProfile.get().trim());
        }
        throw new IllegalArgumentException("no AWS region: set 'region:' in batchgraph.yaml or pass --region, or set "
                + "the AWS_REGION environment variable, or add 'region = ...' to profile '" + profileName
                + "' in ~/.aws/config");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
