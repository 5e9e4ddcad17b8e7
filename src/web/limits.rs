//! Abuse limits: a token bucket per client address, and the same-origin check that stops
//! other sites from posting on a reader's behalf.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, header, request::Parts};

use crate::config::{RateLimit, TrustedProxies};

/// Per-address token buckets: `burst` writes at once, refilled at `per_minute`.
pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    pub fn new(limit: RateLimit) -> RateLimiter {
        RateLimiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one write from the client's bucket, or says how long until it may write again.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        let now = Instant::now();
        let per_second = f64::from(self.limit.per_minute) / 60.0;
        let burst = f64::from(self.limit.burst);
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() > 100_000 {
            // Forget clients whose buckets have refilled; they lose nothing by it.
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * per_second < burst
            });
        }
        let bucket = buckets.entry(client).or_insert(Bucket {
            tokens: burst,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else if per_second > 0.0 {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
        } else {
            Err(Duration::from_secs(3600))
        }
    }
}

/// Failed sign-ins before a client address must wait.
pub const LOGIN_FREE_FAILURES: u32 = 5;
/// The longest wait a client address can be made to serve.
const LOGIN_MAX_WAIT: Duration = Duration::from_secs(15 * 60);

/// Failed sign-ins per client address, whatever email each one tried: after
/// `LOGIN_FREE_FAILURES` the address waits, twice as long after each further failure.
#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl LoginThrottle {
    /// `Err(wait)` while the address must wait before trying again.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        let failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match failures.get(&client) {
            Some(&(count, last)) if count >= LOGIN_FREE_FAILURES => {
                let wait = login_wait(count);
                let waited = last.elapsed();
                if waited < wait {
                    Err(wait - waited)
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    pub fn failed(&self, client: IpAddr) {
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if failures.len() > 100_000 {
            failures.retain(|_, (count, last)| last.elapsed() < login_wait(*count));
        }
        let entry = failures.entry(client).or_insert((0, Instant::now()));
        entry.0 = entry.0.saturating_add(1);
        entry.1 = Instant::now();
    }

    pub fn succeeded(&self, client: IpAddr) {
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&client);
    }
}

/// 30 s after the free failures are spent, then doubling up to 15 minutes.
fn login_wait(failures: u32) -> Duration {
    let extra = failures.saturating_sub(LOGIN_FREE_FAILURES).min(10);
    (Duration::from_secs(30) * 2u32.pow(extra)).min(LOGIN_MAX_WAIT)
}

/// The client's address: the connection's peer, or, when the site trusts its proxies'
/// `X-Forwarded-For` and the peer is one of them, the address those proxies name.
pub fn client_ip(parts: &Parts, proxies: Option<&TrustedProxies>) -> IpAddr {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_canonical())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    match proxies {
        Some(proxies) => forwarded_client(peer, &parts.headers, proxies),
        None => peer,
    }
}

/// Reads `X-Forwarded-For` from the right, as each proxy appended to it: hops inside the
/// trusted proxies are skipped, and the first address outside them is the client. What
/// lies further left was written by the client itself (or by proxies we do not know), so
/// it is never believed. When every hop is trusted, the left-most is the client.
fn forwarded_client(peer: IpAddr, headers: &HeaderMap, proxies: &TrustedProxies) -> IpAddr {
    if !proxies.contains(peer) {
        return peer;
    }
    // Several headers count as one list, in order.
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        // A hop that is not an address ends the walk: the last trusted proxy saw the sender.
        let Some(ip) = parse_hop(hop) else {
            return client;
        };
        client = ip;
        if !proxies.contains(ip) {
            return ip;
        }
    }
    client
}

/// One `X-Forwarded-For` entry: an address, perhaps with a port (`203.0.113.7:4711`,
/// `[2001:db8::1]:4711`), as some proxies write it.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|a| a.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

/// Refuses a state-changing request that a browser sent from another site: the
/// `Sec-Fetch-Site`, `Origin` or `Referer` it carries must name this site.
pub fn check_same_origin(headers: &HeaderMap, base_url: &str) -> Result<(), String> {
    let refused = || {
        "This request came from another website, so it was refused. Open the article on this site and try again."
            .to_owned()
    };
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
    {
        return Err(refused());
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let ours = |origin: &str| {
        let origin = origin.trim_end_matches('/');
        origin.eq_ignore_ascii_case(base_url)
            || host.is_some_and(|host| {
                origin.eq_ignore_ascii_case(&format!("http://{host}"))
                    || origin.eq_ignore_ascii_case(&format!("https://{host}"))
            })
    };
    if let Some(origin) = headers.get(header::ORIGIN) {
        return match origin.to_str() {
            Ok(origin) if ours(origin) => Ok(()),
            _ => Err(refused()),
        };
    }
    if let Some(referer) = headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
        let origin: String = match referer.find("://") {
            Some(start) => {
                let rest = &referer[start + 3..];
                let end = rest.find('/').map_or(referer.len(), |i| start + 3 + i);
                referer[..end].to_owned()
            }
            None => return Err(refused()),
        };
        return if ours(&origin) {
            Ok(())
        } else {
            Err(refused())
        };
    }
    // No browser sends a cross-site write without Origin; scripts and feed tools may.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn a_burst_then_a_steady_rate() {
        let limiter = RateLimiter::new(RateLimit {
            burst: 3,
            per_minute: 60,
        });
        let ip = IpAddr::from([10, 0, 0, 1]);
        for _ in 0..3 {
            assert!(limiter.check(ip).is_ok());
        }
        let wait = limiter.check(ip).expect_err("limited");
        assert!(wait <= Duration::from_secs(1) && wait > Duration::ZERO);
        assert!(
            limiter.check(IpAddr::from([10, 0, 0, 2])).is_ok(),
            "others unaffected"
        );
    }

    #[test]
    fn sign_in_waits_grow_after_the_free_failures() {
        let throttle = LoginThrottle::default();
        let ip = IpAddr::from([10, 0, 0, 9]);
        for _ in 0..LOGIN_FREE_FAILURES {
            assert!(throttle.check(ip).is_ok());
            throttle.failed(ip);
        }
        let first = throttle.check(ip).expect_err("must wait");
        assert!(first > Duration::from_secs(25));
        throttle.failed(ip);
        assert!(throttle.check(ip).expect_err("longer") > first);
        assert!(throttle.check(IpAddr::from([10, 0, 0, 10])).is_ok());
        throttle.succeeded(ip);
        assert!(throttle.check(ip).is_ok());
    }

    fn with(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (k, v) in pairs {
            headers.insert(*k, HeaderValue::from_static(v));
        }
        headers
    }

    fn xff(peer: [u8; 4], values: &[&'static str], proxies: &TrustedProxies) -> IpAddr {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_static(value));
        }
        forwarded_client(IpAddr::from(peer), &headers, proxies)
    }

    #[test]
    fn the_client_is_the_first_untrusted_hop_from_the_right() {
        let private = TrustedProxies::private_networks();
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        // nginx `$remote_addr`: the header is the client, whatever the client sent.
        assert_eq!(
            xff([127, 0, 0, 1], &["203.0.113.9"], &private),
            ip("203.0.113.9")
        );
        // nginx `$proxy_add_x_forwarded_for`: the client's own header comes first, and
        // is not believed.
        assert_eq!(
            xff([10, 0, 0, 2], &["198.51.100.1, 203.0.113.9"], &private),
            ip("203.0.113.9")
        );
        // Two proxies of ours (a balancer, then nginx), and a header sent twice.
        assert_eq!(
            xff(
                [127, 0, 0, 1],
                &["1.1.1.1, 203.0.113.9", "10.0.0.7"],
                &private
            ),
            ip("203.0.113.9")
        );
        // A connection from outside the trusted proxies: the header is ignored.
        assert_eq!(
            xff([198, 51, 100, 7], &["203.0.113.9"], &private),
            ip("198.51.100.7")
        );
        // Every hop trusted (a reader on the office network): the left-most.
        assert_eq!(
            xff([127, 0, 0, 1], &["192.168.1.20, 10.0.0.2"], &private),
            ip("192.168.1.20")
        );
        // No header: the peer. Garbage: the last trusted hop, never the garbage.
        assert_eq!(xff([127, 0, 0, 1], &[], &private), ip("127.0.0.1"));
        assert_eq!(
            xff([127, 0, 0, 1], &["unknown, 10.0.0.3"], &private),
            ip("10.0.0.3")
        );
        // Ports and IPv6, as some proxies write them.
        assert_eq!(
            xff(
                [127, 0, 0, 1],
                &["[2001:db8::7]:4711, 203.0.113.9:80"],
                &private
            ),
            ip("203.0.113.9")
        );
        // A site that names its proxy: a private address in front of it is a client.
        let named = TrustedProxies::parse(["203.0.113.1"]).expect("list");
        assert_eq!(
            xff([203, 0, 113, 1], &["6.6.6.6, 10.1.2.3"], &named),
            ip("10.1.2.3")
        );
        assert_eq!(
            xff([127, 0, 0, 1], &["6.6.6.6"], &named),
            ip("127.0.0.1"),
            "loopback is not trusted once the site names its proxies"
        );
    }

    #[test]
    fn mapped_ipv4_peers_are_matched_as_ipv4() {
        let private = TrustedProxies::private_networks();
        let peer: IpAddr = "::ffff:10.0.0.2".parse().expect("ip");
        assert!(private.contains(peer));
    }

    #[test]
    fn only_this_site_may_post() {
        let base = "https://news.example";
        assert!(check_same_origin(&with(&[("origin", "https://news.example")]), base).is_ok());
        assert!(
            check_same_origin(
                &with(&[
                    ("origin", "http://127.0.0.1:8080"),
                    ("host", "127.0.0.1:8080")
                ]),
                base
            )
            .is_ok()
        );
        assert!(check_same_origin(&with(&[("origin", "https://evil.example")]), base).is_err());
        assert!(check_same_origin(&with(&[("origin", "null")]), base).is_err());
        assert!(
            check_same_origin(&with(&[("referer", "https://evil.example/page")]), base).is_err()
        );
        assert!(
            check_same_origin(
                &with(&[("referer", "https://news.example/article/x")]),
                base
            )
            .is_ok()
        );
        assert!(check_same_origin(&with(&[("sec-fetch-site", "cross-site")]), base).is_err());
        assert!(check_same_origin(&HeaderMap::new(), base).is_ok());
    }
}
