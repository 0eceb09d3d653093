//! Instances starting at once share one service key: the key is stored by whichever comes
//! first, the others read it, and none fails ("database is locked" on SQLite was the old way).

use buddymatch::db::{service_keys, Db};
use secrecy::ExposeSecret;

use crate::helpers::spawn_app;

#[tokio::test]
async fn instances_starting_at_once_share_one_key() {
    let app = spawn_app().await;
    let url = app.state.settings.database_url.expose_secret().to_owned();
    tokio::task::spawn_blocking(move || {
        // Separate pools, like separate processes: each has its own turn-taking for writers.
        let pools: Vec<Db> = (0..4)
            .map(|_| Db::connect(&url, 2).expect("connects"))
            .collect();
        for round in 0..20 {
            let name = format!("race-{round}");
            let start = std::sync::Arc::new(std::sync::Barrier::new(pools.len()));
            let keys: Vec<String> = std::thread::scope(|s| {
                let handles: Vec<_> = pools
                    .iter()
                    .enumerate()
                    .map(|(i, db)| {
                        let (name, start) = (name.clone(), start.clone());
                        s.spawn(move || {
                            start.wait();
                            db.write(|c| service_keys::get_or_create(c, &name, &format!("key-{i}")))
                                .expect("no instance fails")
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("thread"))
                    .collect()
            });
            assert!(
                keys.iter().all(|k| *k == keys[0]),
                "round {round}: {keys:?}"
            );
        }
    })
    .await
    .expect("no panic");
}
