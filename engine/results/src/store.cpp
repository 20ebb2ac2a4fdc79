// ResultsStore: opening (with the checks that keep a bad file untouched) and the
// writes of an attempt. Reads are in store_queries.cpp.
//
// Sections: error text; opening; trainees; recording an attempt; LRS bookkeeping.
#include "frontline/results/store.hpp"

#include "frontline/results/uuid.hpp"
#include "schema.hpp"
#include "store_impl.hpp"
#include "time_text.hpp"

#include <algorithm>
#include <thread>
#include <system_error>

#include <unistd.h>

namespace frontline::results {

using detail::Connection;
using detail::SqliteError;
using detail::Statement;
using detail::WriteTransaction;

// --- Error text ------------------------------------------------------------------

namespace detail {

StoreError store_error(const std::filesystem::path& path, std::string_view doing, const SqliteError& e) {
    StoreError out;
    std::string hint;
    switch (e.code & 0xFF) {  // primary result code
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            out.kind = StoreError::Kind::locked;
            hint = " Another program is holding the database; close it and try again.";
            break;
        case SQLITE_READONLY:
            out.kind = StoreError::Kind::read_only;
            hint = " The file or its folder is read-only.";
            break;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            out.kind = StoreError::Kind::corrupt;
            hint = " The file is damaged or is not a database; it has been left as it is.";
            break;
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
            out.kind = StoreError::Kind::cannot_open;
            break;
        case SQLITE_FULL:
            out.kind = StoreError::Kind::failed;
            hint = " The disk is full.";
            break;
        default:
            out.kind = StoreError::Kind::failed;
    }
    out.message = "Results database " + path.string() + ": " + std::string(doing) + " failed (" + e.what() + ")." + hint;
    return out;
}

StoreError invalid_argument(std::string message) { return {StoreError::Kind::invalid, std::move(message)}; }

StoreError read_only_error(const std::filesystem::path& path) {
    return {StoreError::Kind::read_only, "Results database " + path.string() + " was opened read-only; nothing can be recorded."};
}

}  // namespace detail

// --- Opening ---------------------------------------------------------------------

namespace {

StoreError open_error(StoreError::Kind kind, const std::filesystem::path& path, const std::string& what) {
    return {kind, "Results database " + path.string() + ": " + what};
}

bool has_tables(const Connection& db) {
    Statement q(db, "SELECT count(*) FROM sqlite_schema");
    return q.step() && q.int64(0) > 0;
}

/// Runs PRAGMA quick_check; the first problem it reports, or empty when the file is sound.
std::string quick_check_problem(const Connection& db) {
    Statement q(db, "PRAGMA quick_check(1)");
    if (!q.step()) return "quick_check returned nothing";
    std::string first = q.text(0);
    return first == "ok" ? std::string() : first;
}

/// True when the folder that holds (or would hold) the file, or the file, cannot be written.
/// SQLite needs the folder too: WAL keeps its -wal and -shm files beside the database.
bool not_writable(const std::filesystem::path& file) {
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (::access(dir.string().c_str(), W_OK) != 0) return true;
    return std::filesystem::exists(file, ec) && ::access(file.string().c_str(), W_OK) != 0;
}

/// "file:/a%20b/results.db?immutable=1": a URI SQLite opens without creating -shm
/// or -wal files, for reading a database in a folder this process cannot write.
std::string immutable_uri(const std::filesystem::path& file) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : std::filesystem::absolute(file).string()) {
        if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7F) {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 0x0F];
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?immutable=1";
}

Result<ResultsStore::Impl> open_impl(const std::filesystem::path& file, ResultsStore::Access access,
                                     std::chrono::milliseconds busy_timeout, bool immutable) {
    const bool writable = access == ResultsStore::Access::read_write;
    std::error_code ec;
    if (!writable && !std::filesystem::exists(file, ec))
        return open_error(StoreError::Kind::cannot_open, file, "no results have been recorded here yet (the file does not exist).");
    if (std::filesystem::exists(file, ec) && !std::filesystem::is_regular_file(file, ec))
        return open_error(StoreError::Kind::cannot_open, file, "this is not a regular file.");
    if (writable && file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) return open_error(StoreError::Kind::cannot_open, file, "cannot create its folder (" + ec.message() + ").");
    }

    if (writable && not_writable(file))
        return open_error(StoreError::Kind::read_only, file,
                          "the file or its folder is read-only, so results cannot be recorded; the file has been left as it is.");

    ResultsStore::Impl impl;
    impl.path = file;
    impl.read_only = !writable;
    sqlite3* raw = nullptr;
    const int flags = (writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_FULLMUTEX |
                      (immutable ? SQLITE_OPEN_URI : 0);
    const int rc = sqlite3_open_v2(immutable ? immutable_uri(file).c_str() : file.string().c_str(), &raw, flags, nullptr);
    impl.db = Connection(raw);  // closes the handle even when opening failed
    if (rc != SQLITE_OK) {
        return open_error(StoreError::Kind::cannot_open, file,
                          std::string("cannot open it (") + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)) + ").");
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(busy_timeout.count()));

    // Two Frontlines creating or upgrading one file at once: where waiting could deadlock
    // (switching to WAL, a migration racing a check) SQLite answers "busy" at once instead
    // of calling the busy handler, so the whole check is tried again until the timeout.
    const auto deadline = std::chrono::steady_clock::now() + busy_timeout;
    for (;;) {
        try {
            // Everything up to the migration only reads, so a bad file is never changed.
            if (writable && sqlite3_db_readonly(raw, "main") == 1)
                return open_error(StoreError::Kind::read_only, file, "the file is read-only, so results cannot be recorded.");
            // One read transaction for the checks, so another Frontline creating the file at
            // this moment is seen before or after its migration, never half-way (an id not
            // yet set beside tables already made would look like another program's file).
            impl.db.exec("BEGIN");
            const int32_t app_id = detail::read_application_id(impl.db);
            const int version = detail::read_user_version(impl.db);
            const bool tables = has_tables(impl.db);
            impl.db.exec("COMMIT");
            if (app_id != detail::frontline_application_id && (app_id != 0 || version != 0 || tables))
                return open_error(StoreError::Kind::not_ours, file,
                                  "this is a SQLite database of some other program; it has been left as it is.");
            if (version > detail::known_schema_version())
                return open_error(StoreError::Kind::too_new, file,
                                  "it was written by a newer Frontline (schema " + std::to_string(version) + ", this one knows " +
                                      std::to_string(detail::known_schema_version()) + "); it has been left as it is.");
            if (std::string problem = quick_check_problem(impl.db); !problem.empty())
                return open_error(StoreError::Kind::corrupt, file,
                                  "the file is damaged (quick_check: " + problem + "); it has been left as it is.");
            impl.db.exec("PRAGMA foreign_keys = ON");
            if (writable) {
                // WAL lets readers (the progress screen) and a writer work at once.
                impl.db.exec("PRAGMA journal_mode = WAL");
                detail::migrate(impl.db);
            } else if (version < detail::known_schema_version()) {
                return open_error(StoreError::Kind::too_new, file,
                                  "it has an older schema; open it once with a writable Frontline to upgrade it.");
            }
            break;
        } catch (const SqliteError& e) {
            const int primary = e.code & 0xff;
            if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline) {
                sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);  // a check's read transaction, if open
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                continue;
            }
            return detail::store_error(file, "opening", e);
        }
    }
    return impl;
}

}  // namespace

Result<ResultsStore> ResultsStore::open(const std::filesystem::path& file, Access access,
                                        std::chrono::milliseconds busy_timeout) {
    Result<Impl> impl = open_impl(file, access, busy_timeout, false);
    // A WAL database in a folder we cannot write cannot be read the usual way (SQLite
    // must create its -shm file), so read it as immutable: a listing, not a live view.
    if (!impl && access == Access::read_only && impl.error().kind == StoreError::Kind::read_only)
        impl = open_impl(file, access, busy_timeout, true);
    if (!impl) return impl.error();
    return ResultsStore(std::make_unique<Impl>(std::move(*impl)));
}

ResultsStore::ResultsStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultsStore::ResultsStore(ResultsStore&&) noexcept = default;
ResultsStore& ResultsStore::operator=(ResultsStore&&) noexcept = default;
ResultsStore::~ResultsStore() = default;

const std::filesystem::path& ResultsStore::path() const { return impl_->path; }
bool ResultsStore::read_only() const { return impl_->read_only; }

// --- Trainees --------------------------------------------------------------------

namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

/// Empty when the name is acceptable, else why not.
std::string name_problem(const std::string& name) {
    if (name.empty()) return "A trainee name cannot be empty.";
    if (name.size() > 64) return "A trainee name can be at most 64 bytes long.";
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
        return "A trainee name cannot contain control characters.";
    return {};
}

/// The trainee's row id, creating the profile if needed. Call inside a write transaction.
int64_t ensure_trainee(const Connection& db, const std::string& name, const std::string& now) {
    Statement insert(db, "INSERT INTO trainees(name, created_at) VALUES(?1, ?2) ON CONFLICT(name) DO NOTHING");
    insert.bind(1, name).bind(2, now).run();
    Statement find(db, "SELECT id FROM trainees WHERE name = ?1");
    find.bind(1, name);
    if (!find.step()) throw SqliteError(SQLITE_INTERNAL, "the trainee row vanished");
    return find.int64(0);
}

}  // namespace

Status ResultsStore::add_trainee(std::string_view name) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    const std::string clean = trimmed(name);
    if (std::string problem = name_problem(clean); !problem.empty()) return detail::invalid_argument(problem);
    return detail::guarded<Done>(*impl_, "adding a trainee", [&] {
        WriteTransaction tx(impl_->db);
        ensure_trainee(impl_->db, clean, detail::iso8601_utc(Clock::now()));
        tx.commit();
        return Done{};
    });
}

// --- Recording an attempt --------------------------------------------------------

namespace {

struct NewIds {
    std::string registration, attempted, completed, verdict;
};

std::optional<NewIds> new_attempt_ids() {
    auto a = random_uuid(), b = random_uuid(), c = random_uuid(), d = random_uuid();
    if (!a || !b || !c || !d) return std::nullopt;
    return NewIds{*a, *b, *c, *d};
}

StoreError no_random() { return {StoreError::Kind::failed, "Cannot read /dev/urandom to make a registration id."}; }

int64_t insert_attempt(const Connection& db, const std::string& trainee, const Scenario& s, AttemptMode mode,
                       std::string_view front_end, const ChoiceOrder& order, const std::string& started_at,
                       const NewIds& ids) {
    const int64_t trainee_id = ensure_trainee(db, trainee, started_at);
    Statement q(db,
                "INSERT INTO attempts(registration, trainee_id, scenario_id, scenario_title, content_hash, mode, front_end,"
                " started_at, technical_pass, personal_pass, attempted_statement_id, completed_statement_id,"
                " verdict_statement_id, shuffle_seed) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    q.bind(1, ids.registration).bind(2, trainee_id).bind(3, s.id).bind(4, s.title).bind(5, s.content_hash);
    q.bind(6, mode_id(mode)).bind(7, front_end).bind(8, started_at).bind(9, s.pass.technical).bind(10, s.pass.personal);
    q.bind(11, ids.attempted).bind(12, ids.completed).bind(13, ids.verdict);
    if (order.shuffle) q.bind(14, static_cast<int64_t>(order.seed));
    q.run();
    return sqlite3_last_insert_rowid(db.get());
}

/// Empty when the attempt exists and is still open, else why it cannot take more.
std::string open_attempt_problem(const Connection& db, AttemptId attempt) {
    Statement q(db, "SELECT finished_at IS NOT NULL FROM attempts WHERE id = ?1");
    q.bind(1, attempt);
    if (!q.step()) return "There is no attempt " + std::to_string(attempt) + ".";
    if (q.int64(0) != 0) return "Attempt " + std::to_string(attempt) + " is already finished.";
    return {};
}

/// Empty when `e` is a choice entry of `s`, else why not.
std::string choice_entry_problem(const Scenario& s, const TranscriptEntry& e) {
    if (e.kind != TranscriptEntry::Kind::choice) return "Only choice entries of a transcript can be recorded as choices.";
    if (e.node < 0 || static_cast<size_t>(e.node) >= s.nodes.size()) return "The choice entry names no node of this scenario.";
    if (e.choice < 0 || static_cast<size_t>(e.choice) >= s.node(e.node).choices.size())
        return "The choice entry names no choice of its node.";
    return {};
}

void insert_choice(const Connection& db, AttemptId attempt, const Scenario& s, const TranscriptEntry& e,
                   const std::string& made_at, const std::string& statement_id) {
    const Node& node = s.node(e.node);
    const Choice& choice = node.choice(e.choice);
    Statement q(db,
                "INSERT INTO choices(attempt_id, turn, node, choice_index, shown, say, technical, personal, mood,"
                " mood_after, technical_total, personal_total, seconds, made_at, statement_id, presented)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    q.bind(1, attempt).bind(2, e.turn).bind(3, node.id).bind(4, e.choice).bind(5, e.shown).bind(6, e.text);
    q.bind(7, e.technical).bind(8, e.personal).bind(9, e.mood).bind(10, e.mood_after);
    q.bind(11, e.technical_total).bind(12, e.personal_total).bind(13, e.seconds).bind(14, made_at).bind(15, statement_id);
    q.bind(16, e.presented);
    q.run();
    Statement skill(db, "INSERT OR IGNORE INTO choice_skills(attempt_id, turn, skill) VALUES(?1, ?2, ?3)");
    for (const std::string& tag : choice.skills) {
        skill.bind(1, attempt).bind(2, e.turn).bind(3, tag).run();
        skill.reset();
    }
}

void update_finished(const Connection& db, AttemptId attempt, const Scenario& s, const AttemptScore& score,
                     const std::string& finished_at) {
    const bool has_ending = score.ending >= 0 && static_cast<size_t>(score.ending) < s.endings.size();
    Statement q(db,
                "UPDATE attempts SET finished_at = ?2, ending = ?3, outcome = ?4, technical = ?5, personal = ?6,"
                " best_technical = ?7, best_personal = ?8, technical_percent = ?9, personal_percent = ?10,"
                " technical_met = ?11, personal_met = ?12, quadrant = ?13, mood = ?14,"
                " full_technical = ?15, full_personal = ?16"
                " WHERE id = ?1 AND finished_at IS NULL");
    q.bind(1, attempt).bind(2, finished_at);
    q.bind(3, has_ending ? s.ending(score.ending).id : std::string());
    q.bind(4, outcome_name(score.outcome)).bind(5, score.technical).bind(6, score.personal);
    q.bind(7, score.best_technical).bind(8, score.best_personal).bind(9, score.technical_percent);
    q.bind(10, score.personal_percent).bind(11, score.technical_met ? 1 : 0).bind(12, score.personal_met ? 1 : 0);
    q.bind(13, quadrant_id(score.quadrant)).bind(14, score.mood);
    q.bind(15, score.full_technical).bind(16, score.full_personal).run();
}

}  // namespace

Result<AttemptId> ResultsStore::start_attempt(std::string_view trainee, const Scenario& scenario, AttemptMode mode,
                                              std::string_view front_end, const ChoiceOrder& order,
                                              Clock::time_point at) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    const std::string name = trimmed(trainee);
    if (std::string problem = name_problem(name); !problem.empty()) return detail::invalid_argument(problem);
    auto ids = new_attempt_ids();
    if (!ids) return no_random();
    return detail::guarded<AttemptId>(*impl_, "starting an attempt", [&] {
        WriteTransaction tx(impl_->db);
        const int64_t id = insert_attempt(impl_->db, name, scenario, mode, front_end, order, detail::iso8601_utc(at), *ids);
        tx.commit();
        return id;
    });
}

Status ResultsStore::record_choice(AttemptId attempt, const Scenario& scenario, const TranscriptEntry& choice,
                                   Clock::time_point at) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    if (std::string problem = choice_entry_problem(scenario, choice); !problem.empty())
        return detail::invalid_argument(problem);
    auto statement_id = random_uuid();
    if (!statement_id) return no_random();
    return detail::guarded<Done>(*impl_, "saving a choice", [&]() -> Result<Done> {
        WriteTransaction tx(impl_->db);
        if (std::string problem = open_attempt_problem(impl_->db, attempt); !problem.empty())
            return detail::invalid_argument(problem);
        insert_choice(impl_->db, attempt, scenario, choice, detail::iso8601_utc(at), *statement_id);
        tx.commit();
        return Done{};
    });
}

Status ResultsStore::finish_attempt(AttemptId attempt, const Scenario& scenario, const AttemptScore& score,
                                    Clock::time_point at) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    return detail::guarded<Done>(*impl_, "saving the result", [&]() -> Result<Done> {
        WriteTransaction tx(impl_->db);
        if (std::string problem = open_attempt_problem(impl_->db, attempt); !problem.empty())
            return detail::invalid_argument(problem);
        update_finished(impl_->db, attempt, scenario, score, detail::iso8601_utc(at));
        tx.commit();
        return Done{};
    });
}

Result<AttemptId> ResultsStore::record_finished_attempt(std::string_view trainee, const Scenario& scenario,
                                                        AttemptMode mode, std::string_view front_end, const Runner& run,
                                                        const AttemptScore& score) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    const std::string name = trimmed(trainee);
    if (std::string problem = name_problem(name); !problem.empty()) return detail::invalid_argument(problem);
    auto ids = new_attempt_ids();
    if (!ids) return no_random();
    // Only the end is known here: the start is placed the call's thinking time
    // before it, and each choice after the time taken up to it.
    const Clock::time_point end = Clock::now();
    double total = 0;
    for (const TranscriptEntry& e : run.transcript()) total += e.seconds;
    const auto to_duration = [](double s) { return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s)); };
    const Clock::time_point start = end - to_duration(total);
    return detail::guarded<AttemptId>(*impl_, "saving an attempt", [&]() -> Result<AttemptId> {
        WriteTransaction tx(impl_->db);
        const int64_t id = insert_attempt(impl_->db, name, scenario, mode, front_end, run.order(), detail::iso8601_utc(start), *ids);
        double elapsed = 0;
        for (const TranscriptEntry& e : run.transcript()) {
            elapsed += e.seconds;
            if (e.kind != TranscriptEntry::Kind::choice) continue;
            auto statement_id = random_uuid();
            if (!statement_id) return no_random();
            insert_choice(impl_->db, id, scenario, e, detail::iso8601_utc(start + to_duration(elapsed)), *statement_id);
        }
        if (run.finished()) update_finished(impl_->db, id, scenario, score, detail::iso8601_utc(end));
        tx.commit();
        return id;
    });
}

Status ResultsStore::discard_attempt(AttemptId attempt) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    return detail::guarded<Done>(*impl_, "discarding an attempt", [&]() -> Result<Done> {
        WriteTransaction tx(impl_->db);
        Statement q(impl_->db, "DELETE FROM attempts WHERE id = ?1");
        q.bind(1, attempt).run();
        if (sqlite3_changes(impl_->db.get()) == 0)
            return detail::invalid_argument("There is no attempt " + std::to_string(attempt) + ".");
        tx.commit();
        return Done{};
    });
}

// --- LRS bookkeeping -------------------------------------------------------------

Status ResultsStore::mark_delivered(std::string_view endpoint, const std::vector<std::string>& statement_ids) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    return detail::guarded<Done>(*impl_, "remembering sent statements", [&] {
        WriteTransaction tx(impl_->db);
        Statement q(impl_->db, "INSERT OR IGNORE INTO lrs_deliveries(endpoint, statement_id, accepted_at) VALUES(?1, ?2, ?3)");
        const std::string now = detail::iso8601_utc(Clock::now());
        for (const std::string& id : statement_ids) {
            q.bind(1, endpoint).bind(2, id).bind(3, now).run();
            q.reset();
        }
        tx.commit();
        return Done{};
    });
}

}  // namespace frontline::results
