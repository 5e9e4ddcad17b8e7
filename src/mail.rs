//! Email to the newsroom (password resets and invitations) through an SMTP relay. Without a
//! relay configured, the message is written to the log for the operator to pass on.

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Where the relay is, from `smtp://[user:pass@]host[:port]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpAddress {
    pub host: String,
    pub port: u16,
    pub credentials: Option<(String, String)>,
}

impl SmtpAddress {
    pub fn parse(url: &str) -> Result<SmtpAddress, String> {
        let rest = url.strip_prefix("smtp://").ok_or_else(|| {
            "use smtp://[user:password@]host[:port]; this build hands mail to a relay without TLS \
             (a local postfix or msmtp, or one on a private network)"
                .to_owned()
        })?;
        let rest = rest.trim_end_matches('/');
        let (credentials, host_port) = match rest.rsplit_once('@') {
            Some((userinfo, host_port)) => {
                let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
                let decode = |s: &str| {
                    form_urlencoded::parse(format!("x={s}").as_bytes())
                        .next()
                        .map(|(_, v)| v.into_owned())
                        .unwrap_or_default()
                };
                (Some((decode(user), decode(password))), host_port)
            }
            None => (None, rest),
        };
        let (host, port) = match host_port.rsplit_once(':') {
            Some((host, port)) => (
                host,
                port.parse::<u16>()
                    .map_err(|_| format!("\"{port}\" is not a port number"))?,
            ),
            None => (host_port, 25),
        };
        if host.is_empty() {
            return Err("the relay's host name is missing".into());
        }
        Ok(SmtpAddress {
            host: host.to_owned(),
            port,
            credentials,
        })
    }
}

/// Sends the newsroom's few emails.
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Option<Mailbox>,
}

impl Mailer {
    /// A mailer for the relay at `smtp_url`, or one that only logs when there is none.
    pub fn new(
        smtp_url: Option<&str>,
        from: Option<&str>,
        base_url: &str,
    ) -> anyhow::Result<Mailer> {
        let Some(url) = smtp_url else {
            return Ok(Mailer {
                transport: None,
                from: None,
            });
        };
        let address = SmtpAddress::parse(url).map_err(|e| anyhow::anyhow!(e))?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&address.host)
            .port(address.port);
        if let Some((user, password)) = address.credentials {
            builder = builder.credentials(Credentials::new(user, password));
        }
        let host = base_url
            .split("://")
            .nth(1)
            .unwrap_or("localhost")
            .split(['/', ':'])
            .next()
            .unwrap_or("localhost");
        let from = match from {
            Some(from) => from.to_owned(),
            None => format!("Newsdesk <newsdesk@{host}>"),
        };
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("mail_from {from:?} is not an email address: {e}"))?;
        Ok(Mailer {
            transport: Some(builder.build()),
            from: Some(from),
        })
    }

    pub fn is_configured(&self) -> bool {
        self.transport.is_some()
    }

    /// Sends a plain-text message. Without a relay, or when sending fails, the message
    /// is logged instead so the operator can pass it on; nothing is lost.
    pub async fn send(&self, to: &str, subject: &str, body: &str) {
        self.send_with_reply_to(to, None, subject, body).await;
    }

    /// Sends a plain-text message whose replies go to `reply_to` (a reader who wrote in).
    pub async fn send_with_reply_to(
        &self,
        to: &str,
        reply_to: Option<&str>,
        subject: &str,
        body: &str,
    ) {
        let (Some(transport), Some(from)) = (&self.transport, &self.from) else {
            tracing::warn!(
                to,
                subject,
                body,
                "no smtp_url is set: pass this message on by hand"
            );
            return;
        };
        let message = to
            .parse::<Mailbox>()
            .map_err(anyhow::Error::from)
            .and_then(|to| {
                let mut builder = Message::builder().from(from.clone()).to(to);
                if let Some(reply_to) = reply_to.and_then(|r| r.parse::<Mailbox>().ok()) {
                    builder = builder.reply_to(reply_to);
                }
                builder
                    .subject(subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(body.to_owned())
                    .map_err(anyhow::Error::from)
            });
        let result = match message {
            Ok(message) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(anyhow::Error::from),
            Err(error) => Err(error),
        };
        match result {
            Ok(()) => tracing::info!(to, subject, "email sent"),
            Err(error) => {
                tracing::warn!(to, subject, body, error = %format!("{error:#}"), "email could not be sent: pass this message on by hand");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SmtpAddress;

    #[test]
    fn relay_addresses() {
        assert_eq!(
            SmtpAddress::parse("smtp://127.0.0.1:2525"),
            Ok(SmtpAddress {
                host: "127.0.0.1".into(),
                port: 2525,
                credentials: None
            })
        );
        let with_login = SmtpAddress::parse("smtp://news%40desk:p%3Ass@mail.internal").expect("ok");
        assert_eq!(with_login.port, 25);
        assert_eq!(
            with_login.credentials,
            Some(("news@desk".into(), "p:ss".into()))
        );
        assert!(SmtpAddress::parse("smtps://mail.example.com").is_err());
        assert!(SmtpAddress::parse("smtp://host:port").is_err());
    }
}
