#include "schema.hpp"

#include "frontline/results/store.hpp"

#include <array>
#include <string>

namespace frontline::results::detail {

namespace {

// Migration N takes the schema from version N-1 to N. Never edit a shipped one:
// add the next. Times are ISO 8601 UTC text; percentages are REAL 0..100.
constexpr std::array<const char*, 4> migrations = {
    R"sql(
CREATE TABLE trainees (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at  TEXT NOT NULL
);

CREATE TABLE attempts (
    id               INTEGER PRIMARY KEY,
    registration     TEXT NOT NULL UNIQUE,
    trainee_id       INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    scenario_id      TEXT NOT NULL,
    scenario_title   TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    mode             TEXT NOT NULL CHECK (mode IN ('practice', 'assessment', 'workshop')),
    front_end        TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    technical_pass   INTEGER NOT NULL,
    personal_pass    INTEGER NOT NULL,
    attempted_statement_id  TEXT NOT NULL,
    completed_statement_id  TEXT NOT NULL,
    verdict_statement_id    TEXT NOT NULL,
    ending           TEXT,
    outcome          TEXT,
    technical        INTEGER,
    personal         INTEGER,
    best_technical   INTEGER,
    best_personal    INTEGER,
    technical_percent REAL,
    personal_percent  REAL,
    technical_met    INTEGER,
    personal_met     INTEGER,
    quadrant         TEXT,
    mood             INTEGER
);
CREATE INDEX attempts_by_trainee ON attempts(trainee_id, started_at);
CREATE INDEX attempts_by_scenario ON attempts(scenario_id);

CREATE TABLE choices (
    attempt_id      INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    turn            INTEGER NOT NULL,
    node            TEXT NOT NULL,
    choice_index    INTEGER NOT NULL,
    shown           INTEGER NOT NULL,
    say             TEXT NOT NULL,
    technical       INTEGER NOT NULL,
    personal        INTEGER NOT NULL,
    mood            INTEGER NOT NULL,
    mood_after      INTEGER NOT NULL,
    technical_total INTEGER NOT NULL,
    personal_total  INTEGER NOT NULL,
    seconds         REAL NOT NULL,
    made_at         TEXT NOT NULL,
    statement_id    TEXT NOT NULL UNIQUE,
    PRIMARY KEY (attempt_id, turn)
);

CREATE TABLE choice_skills (
    attempt_id  INTEGER NOT NULL,
    turn        INTEGER NOT NULL,
    skill       TEXT NOT NULL,
    PRIMARY KEY (attempt_id, turn, skill),
    FOREIGN KEY (attempt_id, turn) REFERENCES choices(attempt_id, turn) ON DELETE CASCADE
);
CREATE INDEX choice_skills_by_skill ON choice_skills(skill);

CREATE TABLE lrs_deliveries (
    endpoint      TEXT NOT NULL,
    statement_id  TEXT NOT NULL,
    accepted_at   TEXT NOT NULL,
    PRIMARY KEY (endpoint, statement_id)
);
)sql",
    // 2: workshops. A setup (teams, queue) and its steps, one row per decision,
    // so a workshop is rebuilt by replaying them.
    R"sql(
CREATE TABLE workshops (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    style             TEXT NOT NULL CHECK (style IN ('hot-seat', 'class-vote')),
    decision_seconds  REAL NOT NULL,
    started_at        TEXT NOT NULL,
    finished_at       TEXT
);

CREATE TABLE workshop_teams (
    workshop_id  INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    color        TEXT NOT NULL,
    PRIMARY KEY (workshop_id, position)
);

CREATE TABLE workshop_queue (
    workshop_id     INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    scenario_id     TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    scenario_title  TEXT NOT NULL,
    PRIMARY KEY (workshop_id, position)
);

CREATE TABLE workshop_steps (
    workshop_id   INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    round         INTEGER NOT NULL,
    team          INTEGER,
    node          TEXT NOT NULL,
    choice_index  INTEGER NOT NULL,
    votes         TEXT,
    tie_broken    INTEGER NOT NULL DEFAULT 0,
    made_at       TEXT NOT NULL,
    PRIMARY KEY (workshop_id, seq)
);
)sql",
    // 3: choice order and full marks. The seed of the shuffled order a trainee saw
    // (NULL: the author's order), where each choice was on screen, and what fully
    // meeting each need was worth (NULL in rows from before: the best achievable).
    R"sql(
ALTER TABLE attempts ADD COLUMN shuffle_seed INTEGER;
ALTER TABLE attempts ADD COLUMN full_technical INTEGER;
ALTER TABLE attempts ADD COLUMN full_personal INTEGER;
ALTER TABLE choices ADD COLUMN presented INTEGER;
ALTER TABLE workshops ADD COLUMN shuffle_seed INTEGER;
)sql",
    // 4: a workshop whose room voted from its phones, and the port they joined on
    // (NULL: typed votes), so resuming it opens the vote to the phones again.
    R"sql(
ALTER TABLE workshops ADD COLUMN phone_port INTEGER;
)sql",
};

}  // namespace

int known_schema_version() { return static_cast<int>(migrations.size()); }

int read_user_version(const Connection& db) {
    Statement q(db, "PRAGMA user_version");
    return q.step() ? q.integer(0) : 0;
}

int32_t read_application_id(const Connection& db) {
    Statement q(db, "PRAGMA application_id");
    return q.step() ? static_cast<int32_t>(q.int64(0)) : 0;
}

void migrate(const Connection& db) {
    static_assert(migrations.size() == static_cast<size_t>(schema_version));
    for (;;) {
        WriteTransaction tx(db);
        const int version = read_user_version(db);
        if (version >= known_schema_version()) return;  // another instance got here first
        db.exec(migrations[static_cast<size_t>(version)]);
        // PRAGMAs take no parameters; both values are our own integers.
        db.exec("PRAGMA application_id = " + std::to_string(frontline_application_id));
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

}  // namespace frontline::results::detail
