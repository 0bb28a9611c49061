-- Documents a user starred (a document id is its content's hash: it stays the same across runs).
CREATE TABLE stars (
  user_id BIGINT NOT NULL,
  doc_id VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT stars_key PRIMARY KEY (user_id, doc_id),
  CONSTRAINT stars_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
