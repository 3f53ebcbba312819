//! What the harness relies on, checked in each engine: the session runs the engine it
//! names (three runs of one browser would pass every journey), and the console errors
//! `Browser::finish` checks are really seen there, so a clean console means something.

use std::time::Instant;

use crate::harness::*;

in_every_engine!(the_session_is_the_engine_it_names_and_its_errors_are_seen);

async fn the_session_is_the_engine_it_names_and_its_errors_are_seen(engine: Engine) {
    let b = Browser::start_in(engine).await;
    b.open("").await;
    let agent = b.js("return navigator.userAgent;", vec![]).await;
    let agent = agent.as_str().unwrap_or_default();
    let is = match engine {
        Engine::Chromium => agent.contains("Chrome/"),
        Engine::Firefox => agent.contains("Firefox/") && !agent.contains("Chrome/"),
        Engine::WebKit => {
            agent.contains("AppleWebKit/")
                && !agent.contains("Chrome/")
                && !agent.contains("Firefox/")
        }
    };
    assert!(is, "[{engine}] the browser says it is {agent:?}");
    assert!(
        b.console_errors().await.is_empty(),
        "[{engine}] errors before the probe"
    );

    // An error logged, one thrown, a promise rejected: each must reach the errors.
    b.js(
        "console.error('jx-probe-logged');
         setTimeout(() => { throw new Error('jx-probe-thrown'); }, 0);
         Promise.reject(new Error('jx-probe-rejected'));
         return true;",
        vec![],
    )
    .await;
    let probes = ["jx-probe-logged", "jx-probe-thrown", "jx-probe-rejected"];
    // Firefox's lines reach the driver log a moment later.
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let errors = b.console_errors().await;
        let missing: Vec<_> = probes
            .iter()
            .filter(|p| !errors.iter().any(|e| e.contains(*p)))
            .collect();
        if missing.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "[{engine}] console errors {missing:?} not seen; seen: {errors:?}"
        );
        tokio::time::sleep(POLL).await;
    }
    // No `finish()`: its console check would (rightly) fail on the probes.
    let _ = b.client.clone().close().await;
}
