use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    // Arrange
    let app = spawn_app().await;
    // Act
    let response = app.get("/healthz").await;
    // Assert
    assert_eq!(response.status().as_u16(), 200);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["status"], "ok");
}
