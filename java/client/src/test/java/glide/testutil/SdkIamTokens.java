package glide.testutil;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * IAM tokens as the AWS SDK for Java v2 presigns them ({@code Aws4Signer}), an implementation of
 * SigV4 independent of ours, for tests to compare the client's tokens with.
 *
 * <p>The SDK orders the query parameters differently (session token first, credential last); the
 * service sorts them before checking the signature, so both orders are accepted. {@link #inOurOrder}
 * puts a token's parameters into the order of ours (and valkey-glide's), after which the two can be
 * compared byte for byte.
 */
public final class SdkIamTokens {
    /** The parameter order of our (and valkey-glide's) token. */
    public static final List<String> ORDER =
            List.of(
                    "Action",
                    "User",
                    "X-Amz-Algorithm",
                    "X-Amz-Credential",
                    "X-Amz-Date",
                    "X-Amz-Expires",
                    "X-Amz-SignedHeaders",
                    "X-Amz-Signature",
                    "X-Amz-Security-Token");

    private SdkIamTokens() {}

    /**
     * The token the SDK presigns for {@code GET https://{cluster}/?Action=connect&User={user}},
     * signed for {@code signingName} ({@code elasticache} or {@code memorydb}) at {@code
     * epochSeconds}, valid for 900 s, without its {@code https://} prefix.
     */
    @SuppressWarnings("deprecation") // Aws4Signer is deprecated in favour of AwsV4HttpSigner
    public static String presign(
            String cluster,
            String user,
            String signingName,
            String region,
            AwsCredentials credentials,
            long epochSeconds) {
        SdkHttpFullRequest request =
                SdkHttpFullRequest.builder()
                        .method(SdkHttpMethod.GET)
                        .protocol("https")
                        .host(cluster)
                        .encodedPath("/")
                        .appendRawQueryParameter("Action", "connect")
                        .appendRawQueryParameter("User", user)
                        .build();
        Instant now = Instant.ofEpochSecond(epochSeconds);
        Aws4PresignerParams params =
                Aws4PresignerParams.builder()
                        .awsCredentials(credentials)
                        .signingName(signingName)
                        .signingRegion(Region.of(region))
                        .signingClockOverride(Clock.fixed(now, ZoneOffset.UTC))
                        .expirationTime(now.plusSeconds(900))
                        .build();
        String uri = Aws4Signer.create().presign(request, params).getUri().toString();
        if (!uri.startsWith("https://")) {
            throw new AssertionError("the SDK presigned " + uri);
        }
        return uri.substring("https://".length());
    }

    /** {@code token} with its query parameters put into {@link #ORDER}; fails on any other name. */
    public static String inOurOrder(String token) {
        int query = token.indexOf("/?");
        if (query < 0) {
            throw new AssertionError("no '/?' in " + token);
        }
        List<String> params = new ArrayList<>(Arrays.asList(token.substring(query + 2).split("&")));
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq < 0 || !ORDER.contains(param.substring(0, eq))) {
                throw new AssertionError("unexpected parameter '" + param + "' in " + token);
            }
        }
        params.sort(Comparator.comparingInt(p -> ORDER.indexOf(p.substring(0, p.indexOf('=')))));
        return token.substring(0, query + 2) + String.join("&", params);
    }
}
