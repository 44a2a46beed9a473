//! Keeps an IAM client's token fresh, as valkey-glide does: a new token every
//! refresh interval (default 5 minutes), which every connection opened after
//! that authenticates with. Live connections keep the identity they
//! authenticated with; nothing is re-sent on them. Loading credentials may
//! read files or call a credentials endpoint, so each refresh runs on a
//! blocking thread, never on a Tokio worker.

use std::sync::Arc;

use crate::iam::IamTokens;
use crate::runtime;

/// Starts the refresh task; it ends at the first tick after the tokens are
/// dropped or stopped (the client closed).
pub(crate) fn spawn_periodic(tokens: &Arc<IamTokens>) -> Result<(), String> {
    let rt = runtime::get()?;
    let weak = Arc::downgrade(tokens);
    let interval = tokens.refresh_interval();
    rt.spawn(async move {
        loop {
            tokio::time::sleep(interval).await;
            let Some(tokens) = weak.upgrade().filter(|t| !t.is_stopped()) else { return };
            let _ = refresh(tokens).await; // a failure is logged there; the next tick tries again
        }
    });
    Ok(())
}

/// A new token now, on a blocking thread; a failure keeps the previous token
/// (which the next tick or connection tries to replace again).
pub(crate) async fn refresh(tokens: Arc<IamTokens>) -> Result<(), String> {
    let outcome = tokio::task::spawn_blocking(move || tokens.refresh().map(drop)).await;
    let outcome = outcome.map_err(|e| format!("IAM token refresh failed: {e}")).and_then(|r| r);
    if let Err(error) = &outcome {
        tracing::warn!(%error, "IAM: token refresh failed; keeping the previous token");
    }
    outcome
}
