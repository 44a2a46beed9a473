//! A client's configuration as `createClient` receives it, checked.

use std::sync::Arc;
use std::time::Duration;

use crate::client::ClientConfig;
use crate::cluster::ReadFrom;
use crate::pubsub::PubSub;

/// Everything [`super::any_client::AnyClient::start`] needs to create a client.
pub(super) struct ClientSettings {
    /// What every connection is opened with.
    pub(super) base: ClientConfig,
    /// A cluster client.
    pub(super) cluster: bool,
    pub(super) read_from: ReadFrom,
    /// The configured subscriptions (`None`: none configured).
    pub(super) pubsub: Option<Arc<PubSub>>,
    /// How often the subscriptions are checked (`None`: the default).
    pub(super) pubsub_check: Option<Duration>,
}
