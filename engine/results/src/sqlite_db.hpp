// Thin RAII over the SQLite C API, private to the results library. Failures throw
// SqliteError inside the library; the public API turns them into StoreError.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace frontline::results::detail {

/// A failed SQLite call: the result code and SQLite's own message.
struct SqliteError : std::runtime_error {
    SqliteError(int code_, const std::string& what) : std::runtime_error(what), code(code_) {}
    int code;
};

/// Throws SqliteError unless `rc` is SQLITE_OK (or `ok2`).
void check(sqlite3* db, int rc, std::string_view doing);

/// An open connection; closes on destruction.
class Connection {
public:
    Connection() = default;
    explicit Connection(sqlite3* db) : db_(db) {}
    Connection(Connection&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    Connection& operator=(Connection&& o) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    sqlite3* get() const { return db_; }
    /// Runs one or more statements that return no rows the caller needs.
    void exec(std::string_view sql) const;

private:
    sqlite3* db_ = nullptr;
};

/// A prepared statement. Parameters are 1-based like SQLite's.
class Statement {
public:
    Statement(const Connection& db, std::string_view sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind_null(int index);

    /// Steps once: true if a row is ready, false when done.
    bool step();
    /// Steps to completion, for writes.
    void run();
    void reset();

    int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// BEGIN IMMEDIATE ... COMMIT. Taking the write lock up front means a busy
/// writer is waited for by busy_timeout instead of failing at the first write.
/// Rolls back if destroyed before commit().
class WriteTransaction {
public:
    explicit WriteTransaction(const Connection& db);
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();
    void commit();

private:
    const Connection& db_;
    bool open_ = true;
};

}  // namespace frontline::results::detail
