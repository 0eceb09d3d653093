//! Who is asking, as the abuse limits count it: the client's address, IPv6 cut to its /64 (one
//! subscriber's share, which a single attacker can vary freely within), hashed so that no address
//! is kept in the database.
//!
//! Behind a reverse proxy (`trust_proxy_headers`), the address is the last one in
//! `X-Forwarded-For`: the one our proxy added; earlier entries are whatever the client claimed.

use std::net::IpAddr;

use actix_web::HttpRequest;
use sha2::{Digest, Sha256};

/// The hashed key of the client that sent `req`.
#[must_use]
pub fn client_key(req: &HttpRequest, trust_proxy_headers: bool) -> String {
    let forwarded = trust_proxy_headers
        .then(|| req.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|last| last.trim().parse::<IpAddr>().ok());
    let address = forwarded.or_else(|| req.peer_addr().map(|a| a.ip()));
    key_of(address)
}

fn key_of(address: Option<IpAddr>) -> String {
    let counted = match address {
        None => "unknown".to_owned(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    };
    let digest = Sha256::digest(format!("buddymatch-client:{counted}").as_bytes());
    hex::encode(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn key(ip: &str) -> String {
        key_of(Some(ip.parse().expect("an address")))
    }

    #[test]
    fn one_ipv6_subscriber_is_one_client() {
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.7"), key("192.0.2.7"));
        assert_ne!(key("192.0.2.7"), key("192.0.2.8"));
        assert!(!key("192.0.2.7").contains("192"));
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_proxy() {
        let req = TestRequest::default()
            .peer_addr("10.0.0.1:5000".parse().expect("socket address"))
            .insert_header(("X-Forwarded-For", "203.0.113.9, 198.51.100.4"))
            .to_http_request();
        assert_eq!(client_key(&req, false), key("10.0.0.1"));
        // The last entry is the one our proxy wrote; the first is the client's own claim.
        assert_eq!(client_key(&req, true), key("198.51.100.4"));
        let plain = TestRequest::default()
            .peer_addr("10.0.0.1:5000".parse().expect("socket address"))
            .to_http_request();
        assert_eq!(client_key(&plain, true), key("10.0.0.1"));
    }
}
