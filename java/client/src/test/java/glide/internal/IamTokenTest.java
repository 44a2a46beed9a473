package glide.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import glide.api.models.exceptions.ConfigurationError;
import glide.testutil.SdkIamTokens;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Our IAM token (signed in the Rust core) against the SigV4 presigner of the AWS SDK for Java v2
 * ({@code Aws4Signer}), an independent implementation of the same signing rules.
 *
 * <p>The two differ only in the order of the query parameters: the SDK writes the session token
 * first and the credential last, while we keep the order of valkey-glide (the AWS SDK for Rust's),
 * which the service does not care about because it sorts the parameters before it checks the
 * signature. So each check puts the SDK's parameters into our order and then compares the whole
 * token byte for byte: every parameter's name and encoded value, the signature included, must
 * match.
 */
class IamTokenTest {
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    /** Shaped like a real STS session token: long base64 with '+', '/' and '='. */
    private static final String SESSION_TOKEN =
            "IQoJb3JpZ2luX2VjEHcaCXVzLWVhc3QtMSJHMEUCIQD+/example/token+with/slashes=="
                    + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/".repeat(12)
                    + "=";

    private static void assertSameToken(
            String cluster,
            String user,
            int service,
            String region,
            String sessionToken,
            long epochSeconds) {
        AwsCredentials credentials =
                sessionToken == null
                        ? AwsBasicCredentials.create(KEY_ID, SECRET)
                        : AwsSessionCredentials.create(KEY_ID, SECRET, sessionToken);
        String ours =
                NativeBridge.iamToken(
                        cluster, user, service, region, KEY_ID, SECRET, sessionToken, epochSeconds);
        String theirs =
                SdkIamTokens.presign(
                        cluster, user, service == 0 ? "elasticache" : "memorydb", region, credentials, epochSeconds);
        String context =
                cluster + " / " + user + " / " + service + " / " + region + " / " + epochSeconds;
        assertEquals(SdkIamTokens.inOurOrder(theirs), ours, context);
        // Our order is already ours: the comparison above did not reorder our token.
        assertEquals(SdkIamTokens.inOurOrder(ours), ours, context);
    }

    @Test
    void matchesTheSdkForFixedTimesCredentialsAndBothServices() {
        long[] times = {
            1_369_353_600L, // 2013-05-24T00:00:00Z, the date of AWS's published SigV4 examples
            1_704_164_645L, // 2024-01-02T03:04:05Z
            1_709_251_199L, // 2024-02-29T23:59:59Z, a leap day's last second
            2_147_483_648L, // 2038-01-19T03:14:08Z, past a signed 32-bit seconds counter
            4_102_444_799L, // 2099-12-31T23:59:59Z
        };
        for (long time : times) {
            for (int service = 0; service <= 1; service++) {
                assertSameToken("my-cluster", "app-user", service, "us-east-1", null, time);
                assertSameToken(
                        "my-cluster", "app-user", service, "eu-west-3", SESSION_TOKEN, time);
            }
        }
    }

    @Test
    void matchesTheSdkForNamesThatNeedEncoding() {
        String[] users = {
            "default",
            "app user",
            "ops+admin@corp.example",
            "a/b?c=d&e#f",
            "~tilde-dot._underscore",
            "%41 already-looks-encoded",
            "quote\"'*()!$,;:[]{}|\\^`<>",
            "ユーザー",
            "émoji😀",
            "x".repeat(300),
        };
        String[] clusters = {"my-cluster", "Prod-Cache.01", "a", "cluster-0001-001", "UPPER"};
        String[] regions = {"us-east-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1"};
        int i = 0;
        for (String user : users) {
            for (String cluster : clusters) {
                String region = regions[i % regions.length];
                String token = (i % 2 == 0) ? null : SESSION_TOKEN;
                assertSameToken(cluster, user, i % 2, region, token, 1_704_164_645L + i);
                i++;
            }
        }
    }

    @Test
    void matchesTheSdkForGeneratedInputs() {
        // Fixed seed: the same 200 cases on every run.
        Random random = new Random(20_240_102L);
        String alphabet = "abcXYZ019 -_.~+/=&?#%@!*'()[]:;,\"\\é中😀\t";
        int[] codePoints = alphabet.codePoints().toArray();
        for (int n = 0; n < 200; n++) {
            StringBuilder user = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int k = 0; k < length; k++) {
                user.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            StringBuilder sessionToken = new StringBuilder();
            for (int k = 0; k < 40 + random.nextInt(400); k++) {
                sessionToken.append("ABCDEFabcdef0123456789+/=".charAt(random.nextInt(25)));
            }
            long time = 946_684_800L + (random.nextLong() >>> 1) % 3_155_760_000L; // 2000 to 2100
            assertSameToken(
                    "cluster-" + n,
                    user.toString(),
                    random.nextInt(2),
                    "us-west-2",
                    random.nextBoolean() ? null : sessionToken.toString(),
                    time);
        }
    }

    @Test
    void badArgumentsAreConfigurationErrors() {
        assertThrows(
                ConfigurationError.class,
                () -> NativeBridge.iamToken(null, "u", 0, "us-east-1", KEY_ID, SECRET, null, 0));
        assertThrows(
                ConfigurationError.class,
                () -> NativeBridge.iamToken("c", "u", 2, "us-east-1", KEY_ID, SECRET, null, 0));
        assertThrows(
                ConfigurationError.class,
                () -> NativeBridge.iamToken("c", "u", 0, "us-east-1", KEY_ID, SECRET, null, -1));
    }
}
