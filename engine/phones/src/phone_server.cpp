// Sections: the worker pool / pages / JSON API / start and stop / addresses.
#include "frontline/phones/phone_server.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <sstream>
#include <thread>

namespace frontline::phones {

// --- the worker pool ---------------------------------------------------------

namespace {

/// Set on a worker while it serves a connection accepted beyond the cap: the
/// pre-routing handler answers it 503 and closes it at once.
thread_local bool tl_over_cap = false;

/// httplib's own pool has a handful of threads, and a long poll holds one for
/// its whole wait; this one has enough for every phone, and counts connections
/// so a flood is answered "busy" instead of queueing without end.
class CappedPool : public httplib::TaskQueue {
public:
    CappedPool(size_t threads, size_t cap) : cap_(cap) {
        for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
    }
    void enqueue(std::function<void()> fn) override {
        {
            std::lock_guard lock(mutex_);
            bool over = in_flight_ >= cap_;
            ++in_flight_;
            tasks_.push_back([fn = std::move(fn), over] {
                tl_over_cap = over;
                fn();
                tl_over_cap = false;
            });
        }
        ready_.notify_one();
    }
    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        for (std::thread& t : threads_) t.join();
        threads_.clear();
    }

private:
    void work() {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
                if (tasks_.empty()) return;  // stopping, and nothing left to close
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();  // serves the connection and closes its socket
            std::lock_guard lock(mutex_);
            --in_flight_;
        }
    }
    size_t cap_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> tasks_;
    std::vector<std::thread> threads_;
    size_t in_flight_ = 0;
    bool stopping_ = false;
};

struct Page {
    std::string body;
    const char* type;
};

using json = nlohmann::json;

int status_for(Refusal r) {
    switch (r) {
        case Refusal::none: return 200;
        case Refusal::wrong_code: return 403;
        case Refusal::unknown_phone: return 401;  // the page joins again
        case Refusal::removed: return 403;        // the page says so and stays out
        case Refusal::room_full: return 403;
        case Refusal::too_fast: return 429;
        case Refusal::no_vote_open: return 409;
        case Refusal::wrong_turn: return 409;
        case Refusal::bad_option: return 400;
        case Refusal::no_team: return 409;
        case Refusal::wrong_team: return 409;  // not counted; the page says whose turn it is
        case Refusal::bad_team: return 400;
    }
    return 400;
}

std::string_view refusal_id(Refusal r) {
    switch (r) {
        case Refusal::none: return "ok";
        case Refusal::wrong_code: return "wrong-code";
        case Refusal::unknown_phone: return "unknown-phone";
        case Refusal::removed: return "removed";
        case Refusal::room_full: return "room-full";
        case Refusal::too_fast: return "too-fast";
        case Refusal::no_vote_open: return "vote-closed";
        case Refusal::wrong_turn: return "wrong-turn";
        case Refusal::bad_option: return "bad-option";
        case Refusal::no_team: return "no-team";
        case Refusal::wrong_team: return "wrong-team";
        case Refusal::bad_team: return "bad-team";
    }
    return "refused";
}

void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    // Invalid UTF-8 in scenario text must not throw on a server thread: replace it.
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view id, std::string_view message) {
    send_json(res, status, json{{"error", id}, {"message", message}});
}

void send_refusal(httplib::Response& res, Refusal r) { send_error(res, status_for(r), refusal_id(r), refusal_text(r)); }

/// The request body as a JSON object, or nullopt after answering 400.
std::optional<json> body_object(const httplib::Request& req, httplib::Response& res) {
    json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) {
        send_error(res, 400, "bad-json", "The request body must be a JSON object.");
        return std::nullopt;
    }
    return body;
}

json view_json(const PhoneView& v, const std::vector<std::string>& teams) {
    json out{{"version", v.version}, {"state", state_id(v.state)}, {"turn", v.turn_id}, {"my_vote", v.my_vote}};
    if (!teams.empty()) {  // teams take turns: the picker, the phone's team, whose turn it is
        out["teams"] = teams;
        out["my_team"] = v.my_team;
        out["turn_team"] = v.turn_team;
    }
    if (v.turn) {
        out["title"] = v.turn->title;
        out["line"] = v.turn->line;
        out["options"] = v.turn->options;
    }
    if (!v.split.empty()) out["split"] = v.split;
    if (v.outcome) {
        out["winner"] = v.outcome->winner;
        out["tie_broken"] = v.outcome->tie_broken;
    }
    return out;
}

}  // namespace

namespace {

/// A connection whose bytes come from memory, for the raw-request test interface:
/// httplib's parser and the routes see exactly what a socket would have given them.
class MemoryConnection final : public httplib::Stream {
public:
    explicit MemoryConnection(std::string_view request) : in_(request) {}
    bool is_readable() const override { return at_ < in_.size(); }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        const size_t n = std::min(size, in_.size() - at_);
        std::memcpy(ptr, in_.data() + at_, n);
        at_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        out.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1";
        port = 40000;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1";
        port = 8080;
    }
    socket_t socket() const override { return INVALID_SOCKET; }
    std::string out;

private:
    std::string_view in_;
    size_t at_ = 0;
};

/// httplib keeps its per-connection entry point protected; this opens it to the
/// raw-request test interface and to nothing else.
class RoutedServer : public httplib::Server {
public:
    bool answer(httplib::Stream& connection, bool& closed) {
        return process_request(connection, /*close_connection=*/false, closed, nullptr);
    }
};

}  // namespace

struct PhoneServer::Impl {
    RoutedServer http;
    std::map<std::string, Page, std::less<>> pages;
    std::thread listener;
    std::chrono::steady_clock::time_point epoch = std::chrono::steady_clock::now();
    std::mutex stats_mutex;
    Stats stats;
    double now() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch).count(); }
};

void PhoneServer::set_on_change(std::function<void()> callback) {
    std::lock_guard lock(mutex_);
    on_change_ = std::move(callback);
}

void PhoneServer::notify_game() {
    std::function<void()> cb;
    {
        std::lock_guard lock(mutex_);
        cb = on_change_;
    }
    if (cb) cb();
}

PhoneServer::Stats PhoneServer::stats() const {
    std::lock_guard lock(impl_->stats_mutex);
    return impl_->stats;
}

// --- pages -------------------------------------------------------------------

namespace {
bool read_pages(const std::filesystem::path& dir, std::map<std::string, Page, std::less<>>& pages, std::string& error) {
    static const std::pair<const char*, const char*> known[] = {
        {"index.html", "text/html; charset=utf-8"},
        {"phone.css", "text/css; charset=utf-8"},
        {"phone.js", "text/javascript; charset=utf-8"},
    };
    for (auto [name, type] : known) {
        std::ifstream in(dir / name, std::ios::binary);
        if (!in) {
            error = "the phone page is missing: " + (dir / name).string();
            return false;
        }
        std::ostringstream text;
        text << in.rdbuf();
        pages["/" + std::string(name)] = {text.str(), type};
    }
    pages["/"] = pages["/index.html"];
    return true;
}

/// Binds a throwaway socket the way httplib will, to tell "in use" from "not an
/// address of this computer" (httplib only says that it failed).
std::string probe_bind(const std::string& address, int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (inet_pton(AF_INET, address.c_str(), &addr.sin_addr) != 1)
        return "'" + address +
               "' is not an IPv4 address (for example 0.0.0.0 for every network, 127.0.0.1 for this computer only)";
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return std::string("cannot open a network socket: ") + std::strerror(errno);
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    std::string error;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        int e = errno;
        std::string where = address + ":" + std::to_string(port);
        if (e == EADDRINUSE)
            error = "port " + std::to_string(port) + " is in use on " + address +
                    " (another program has it; choose another port, or 0 for any free one)";
        else if (e == EADDRNOTAVAIL) error = address + " is not an address of this computer";
        else if (e == EACCES) error = "not allowed to listen on " + where + " (ports below 1024 need privileges)";
        else error = "cannot listen on " + where + ": " + std::strerror(e);
    }
    ::close(fd);
    return error;
}
}  // namespace

// --- JSON API, start and stop ------------------------------------------------

std::unique_ptr<PhoneServer> PhoneServer::start(const ServerOptions& options, std::string& error) {
    if (options.port < 0 || options.port > 65535) {
        error = "the port must be 0-65535 (0 = any free port)";
        return nullptr;
    }
    std::unique_ptr<PhoneServer> s(new PhoneServer());
    s->options_ = options;
    s->room_ = VoteRoom(options.limits, options.code_seed);
    s->impl_ = std::make_unique<Impl>();
    Impl& impl = *s->impl_;
    if (!read_pages(options.pages, impl.pages, error)) return nullptr;
    if (std::string why = probe_bind(options.bind, options.port); !why.empty()) {
        error = why;
        return nullptr;
    }

    httplib::Server& http = impl.http;
    const size_t workers = std::max<size_t>(options.workers, 2);
    const size_t cap = std::max(options.max_connections, workers);
    http.new_task_queue = [workers, cap] { return new CappedPool(workers, cap); };
    http.set_payload_max_length(options.max_body_bytes);
    http.set_read_timeout(options.io_timeout_seconds, 0);
    http.set_write_timeout(options.io_timeout_seconds, 0);
    http.set_keep_alive_timeout(options.io_timeout_seconds);
    http.set_keep_alive_max_count(100);
    http.set_tcp_nodelay(true);  // a vote's answer leaves at once, not after a delayed ACK
    // SO_REUSEADDR, not httplib's default SO_REUSEPORT: a restarted game gets its port back
    // past the old connections' TIME_WAIT, and no other program can bind the port beside us.
    http.set_socket_options([](int sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    PhoneServer* self = s.get();
    http.set_pre_routing_handler([self](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        if (!tl_over_cap) return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("Connection", "close");
        send_error(res, 503, "busy", "Too many connections; try again in a moment.");
        std::lock_guard lock(self->impl_->stats_mutex);
        ++self->impl_->stats.rejected_busy;
        return httplib::Server::HandlerResponse::Handled;
    });
    http.set_post_routing_handler([self](const httplib::Request&, httplib::Response& res) {
        std::lock_guard lock(self->impl_->stats_mutex);
        if (res.status < 400) ++self->impl_->stats.ok;
        else if (res.status < 500) ++self->impl_->stats.client_errors;
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_error(res, 400, "bad-request", "The request could not be read.");
    });

    for (const auto& [path, page] : impl.pages) {
        // Only these literal paths: a request path is never joined to a folder.
        http.Get(path, [&page = page](const httplib::Request&, httplib::Response& res) {
            res.set_content(page.body, page.type);
        });
    }

    http.Post("/api/join", [self](const httplib::Request& req, httplib::Response& res) {
        std::optional<json> body = body_object(req, res);
        if (!body) return;
        auto code = body->find("code");
        auto nick = body->find("nickname");
        if (code == body->end() || !code->is_string() ||
            (nick != body->end() && !nick->is_string() && !nick->is_null())) {
            send_error(res, 400, "bad-request", "A join needs \"code\" (text) and may have \"nickname\" (text).");
            return;
        }
        std::string nickname = nick != body->end() && nick->is_string() ? nick->get<std::string>() : "";
        std::vector<std::string> teams;
        Joined joined = self->with_room([&](VoteRoom& room) {
            teams = room.teams();
            return room.join(code->get<std::string>(), nickname, self->impl_->now());
        });
        if (joined.refusal != Refusal::none) {
            send_refusal(res, joined.refusal);
            return;
        }
        send_json(res, 200, json{{"token", joined.token}, {"phone", joined.phone}, {"teams", teams}});
        self->notify_game();
    });

    http.Get("/api/state", [self](const httplib::Request& req, httplib::Response& res) {
        std::string token = req.get_param_value("token");
        uint64_t since = 0;
        if (req.has_param("since")) {
            const std::string text = req.get_param_value("since");
            char* end = nullptr;
            errno = 0;
            unsigned long long v = std::strtoull(text.c_str(), &end, 10);
            if (text.empty() || text.size() > 20 || *end != '\0' || errno != 0 || text[0] == '-') {
                send_error(res, 400, "bad-request", "\"since\" must be a version number.");
                return;
            }
            since = v;
        }
        std::unique_lock lock(self->mutex_);
        if (Refusal r = self->room_.admit(token, self->impl_->now()); r != Refusal::none) {
            lock.unlock();
            send_refusal(res, r);
            return;
        }
        self->changed_.wait_for(lock, std::chrono::seconds(self->options_.poll_seconds), [&] {
            return self->stopping_ || self->room_.version() > since || !self->room_.view(token);
        });
        std::optional<PhoneView> v = self->room_.view(token);
        if (!v) {
            Refusal why = self->room_.admit(token, self->impl_->now());
            lock.unlock();
            send_refusal(res, why == Refusal::none ? Refusal::unknown_phone : why);
            return;
        }
        json body = view_json(*v, self->room_.teams());
        lock.unlock();
        send_json(res, 200, body);
    });

    http.Post("/api/vote", [self](const httplib::Request& req, httplib::Response& res) {
        std::optional<json> body = body_object(req, res);
        if (!body) return;
        auto token = body->find("token");
        auto turn = body->find("turn");
        auto option = body->find("option");
        if (token == body->end() || !token->is_string() || turn == body->end() || !turn->is_number_unsigned() ||
            option == body->end() || !option->is_number_integer()) {
            send_error(res, 400, "bad-request", "A vote needs \"token\" (text), \"turn\" and \"option\" (numbers).");
            return;
        }
        int choice = option->get<int64_t>() > 100 || option->get<int64_t>() < -100
                         ? 0
                         : static_cast<int>(option->get<int64_t>());
        std::string on_seat;  // whose turn it is, for a phone of another team
        Refusal r = self->with_room([&](VoteRoom& room) {
            Refusal why = room.vote(token->get<std::string>(), turn->get<uint64_t>(), choice, self->impl_->now());
            if (why == Refusal::wrong_team) on_seat = room.teams()[static_cast<size_t>(room.turn_team())];
            return why;
        });
        if (r == Refusal::wrong_team) {
            send_json(res, status_for(r),
                      json{{"error", refusal_id(r)},
                           {"message", "It's " + on_seat + "'s turn: your team votes on its own turn."},
                           {"counted", false},
                           {"turn_team_name", on_seat}});
            return;
        }
        if (r != Refusal::none) {
            send_refusal(res, r);
            return;
        }
        send_json(res, 200, json{{"counted", true}, {"turn", turn->get<uint64_t>()}, {"option", choice}});
        self->notify_game();
    });

    http.Post("/api/team", [self](const httplib::Request& req, httplib::Response& res) {
        std::optional<json> body = body_object(req, res);
        if (!body) return;
        auto token = body->find("token");
        auto team = body->find("team");
        if (token == body->end() || !token->is_string() || team == body->end() || !team->is_number_integer()) {
            send_error(res, 400, "bad-request", "A team pick needs \"token\" (text) and \"team\" (a number).");
            return;
        }
        const int64_t picked = team->get<int64_t>();
        const int index = picked < 0 || picked > 100 ? -1 : static_cast<int>(picked);
        Refusal r = self->with_room(
            [&](VoteRoom& room) { return room.pick_team(token->get<std::string>(), index, self->impl_->now()); });
        if (r != Refusal::none) {
            send_refusal(res, r);
            return;
        }
        send_json(res, 200, json{{"team", index}});
        self->notify_game();
    });

    if (options.port == 0) {
        s->port_ = http.bind_to_any_port(options.bind);
        if (s->port_ <= 0) {
            error = "cannot listen on " + options.bind;
            return nullptr;
        }
    } else {
        if (!http.bind_to_port(options.bind, options.port)) {
            error = "cannot listen on " + options.bind + ":" + std::to_string(options.port);
            return nullptr;
        }
        s->port_ = options.port;
    }
    impl.listener = std::thread([&http] { http.listen_after_bind(); });
    // httplib's stop() does nothing until the listener runs: wait for it, so a
    // server stopped at once still stops.
    for (int i = 0; i < 5000 && !http.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return s;
}

void PhoneServer::stop() {
    if (!impl_) return;
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && !impl_->listener.joinable()) return;
        stopping_ = true;
    }
    changed_.notify_all();  // long polls answer now
    impl_->http.stop();
    if (impl_->listener.joinable()) impl_->listener.join();
}

PhoneServer::~PhoneServer() { stop(); }

std::string PhoneServer::answer_raw_request_for_testing(std::string_view bytes) {
    MemoryConnection connection(bytes);
    bool closed = false;
    // Pipelined requests, as on a kept-alive socket; a bounded number, like the server's keep-alive count.
    for (int i = 0; i < 16 && connection.is_readable() && !closed; ++i)
        if (!impl_->http.answer(connection, closed)) break;
    return std::move(connection.out);
}

// --- addresses ---------------------------------------------------------------

std::vector<std::string> lan_addresses() {
    std::vector<std::pair<int, std::string>> found;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return {};
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        if ((a->ifa_flags & IFF_UP) == 0 || (a->ifa_flags & IFF_LOOPBACK) != 0) continue;
        char text[INET_ADDRSTRLEN] = {};
        auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
        if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
        uint32_t ip = ntohl(in->sin_addr.s_addr);
        bool is_private = (ip >> 24) == 10 || (ip >> 20) == ((172u << 4) | 1u) || (ip >> 16) == ((192u << 8) | 168u);
        found.emplace_back(is_private ? 0 : 1, text);
    }
    freeifaddrs(list);
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (auto& [rank, text] : found) out.push_back(text);
    return out;
}

std::string join_url(const std::string& address, int port, const std::string& code) {
    return "http://" + address + ":" + std::to_string(port) + "/#" + code;
}

}  // namespace frontline::phones
