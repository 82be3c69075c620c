package io.verbatim.notify.delivery;

import io.verbatim.httpguard.IpAddressPolicy;
import io.verbatim.httpguard.TargetUrls;
import io.verbatim.notify.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * Which webhook URLs a subscription may have: the rules of ingest-service's fetcher (http-guard), applied when the
 * subscription is created (every address the host resolves to then must be public, unless the host is in
 * {@code verbatim.notify.allowed-hosts}) and again on every delivery, on the address actually connected to.
 */
@ApplicationScoped
public class WebhookTargets {

    public static final int MAX_URL_LENGTH = 2048;

    private final IpAddressPolicy policy;

    public WebhookTargets(NotifyConfig config) {
        this.policy = new IpAddressPolicy(config.allowedHosts().orElse(Set.of()), NotifyConfig.ALLOWED_HOSTS_SETTING);
    }

    public IpAddressPolicy policy() {
        return policy;
    }

    /** Why {@code url} cannot be a webhook target, or empty when it can. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("url is required: the webhook to deliver to");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI target;
        try {
            target = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("url is not a URL: " + e.getMessage());
        }
        Optional<String> refusal = TargetUrls.refusal(target, policy);
        if (refusal.isPresent() || policy.isAllowlisted(target.getHost())) {
            return refusal;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                Optional<String> refused = policy.refusal(target.getHost(), address);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("refused: the host " + target.getHost() + " does not resolve");
        }
        return Optional.empty();
    }
}
