package io.jenkins.plugins.awsbatch.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3EventParserTest {
    private final S3EventParser parser = new S3EventParser();

    @Test
    void readsAnS3NotificationAndDecodesTheKey() {
        ParsedMessage parsed =
                parser.parse(S3Events.created("uploads", "in/daily+report%2B1.csv", "abc123", "0055AED6"));

        assertThat(parsed)
                .isInstanceOfSatisfying(
                        ParsedMessage.Objects.class,
                        o -> assertThat(o.events())
                                .containsExactly(new S3ObjectEvent(
                                        "uploads",
                                        "in/daily report+1.csv",
                                        42,
                                        "abc123",
                                        "0055AED6",
                                        "ObjectCreated:Put",
                                        "2025-01-01T12:00:00.000Z")));
    }

    @Test
    void unwrapsAnSnsEnvelope() {
        ParsedMessage parsed =
                parser.parse(S3Events.inSnsEnvelope(S3Events.created("uploads", "in/a.csv", "e1", "s1")));

        assertThat(parsed)
                .isInstanceOfSatisfying(
                        ParsedMessage.Objects.class,
                        o -> assertThat(o.events())
                                .singleElement()
                                .extracting(S3ObjectEvent::uri)
                                .isEqualTo("s3://uploads/in/a.csv"));
        assertThat(parser.parse(S3Events.inSnsEnvelope(S3Events.testEvent("uploads"))))
                .isEqualTo(new ParsedMessage.TestEvent("uploads"));
    }

    @Test
    void readsAnEventBridgeObjectCreatedEvent() {
        String body = """
                {"version":"0","detail-type":"Object Created","source":"aws.s3","time":"2025-01-01T12:00:00Z",
                 "detail":{"bucket":{"name":"uploads"},"object":{"key":"in/b.csv","size":7,"etag":"e2","sequencer":"s2"},
                 "reason":"PutObject"}}
                """;

        assertThat(parser.parse(body))
                .isInstanceOfSatisfying(
                        ParsedMessage.Objects.class,
                        o -> assertThat(o.events()).singleElement().satisfies(e -> {
                            assertThat(e.uri()).isEqualTo("s3://uploads/in/b.csv");
                            assertThat(e.isCreation()).isTrue();
                            assertThat(e.eTag()).isEqualTo("e2");
                        }));
    }

    @Test
    void recognisesTheTestEvent() {
        assertThat(parser.parse(S3Events.testEvent("uploads"))).isEqualTo(new ParsedMessage.TestEvent("uploads"));
    }

    @Test
    void malformedBodiesSayWhyWithoutThrowing() {
        assertThat(parser.parse("not json {"))
                .isInstanceOfSatisfying(
                        ParsedMessage.Malformed.class,
                        m -> assertThat(m.reason()).startsWith("not JSON"));
        assertThat(parser.parse("")).isEqualTo(new ParsedMessage.Malformed("empty body"));
        assertThat(parser.parse("[1,2]")).isEqualTo(new ParsedMessage.Malformed("not a JSON object"));
        assertThat(parser.parse("{\"Records\":[]}"))
                .isEqualTo(new ParsedMessage.Malformed("Records is not a non-empty list"));
        assertThat(parser.parse("{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}"))
                .isEqualTo(new ParsedMessage.Malformed("Records[0] has no s3.bucket.name or s3.object.key"));
        assertThat(parser.parse("{\"hello\":1}")).isInstanceOf(ParsedMessage.Malformed.class);
        assertThat(parser.parse("{\"Type\":\"Notification\",\"Message\":\"{oops\"}"))
                .isEqualTo(new ParsedMessage.Malformed("SNS envelope whose Message is not JSON"));
    }

    @Test
    void filterTakesBucketPrefixSuffixAndCreationsOnly() {
        ObjectFilter filter = new ObjectFilter("uploads", "in/", ".csv");
        S3ObjectEvent csv = new S3ObjectEvent("uploads", "in/a.csv", 1, "e", "s", "ObjectCreated:Put", null);

        assertThat(filter.matches(csv)).isTrue();
        assertThat(filter.matches(new S3ObjectEvent("other", "in/a.csv", 1, "e", "s", "ObjectCreated:Put", null)))
                .isFalse();
        assertThat(filter.matches(new S3ObjectEvent("uploads", "out/a.csv", 1, "e", "s", "ObjectCreated:Put", null)))
                .isFalse();
        assertThat(filter.matches(new S3ObjectEvent("uploads", "in/a.json", 1, "e", "s", "ObjectCreated:Put", null)))
                .isFalse();
        assertThat(filter.matches(new S3ObjectEvent("uploads", "in/a.csv", 1, "e", "s", "ObjectRemoved:Delete", null)))
                .isFalse();
        assertThat(ObjectFilter.ANY.matches(csv)).isTrue();
    }

    @Test
    void consoleFolderCreationsStartNoWork() {
        // "Create folder" in the S3 console puts a zero-byte object whose key ends in '/'.
        S3ObjectEvent folder =
                new S3ObjectEvent("uploads", "in/2025-01-01/", 0, "d41d8", "s", "ObjectCreated:Put", null);
        assertThat(ObjectFilter.ANY.matches(folder)).isFalse();
        assertThat(new ObjectFilter("uploads", "in/", null).matches(folder)).isFalse();
    }
}
