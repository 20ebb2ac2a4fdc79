// `frontline package cmi5` and its ZIP writer: a CRC-32 known answer, an archive read
// back by its own headers, and a course built from real scenarios and a stand-in web
// build (the real one is emscripten's; .ci/web --smoke plays it).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "commands.hpp"
#include "zip_writer.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace frontline::cli;
namespace fs = std::filesystem;

namespace {

uint32_t le32(const std::string& b, size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
           static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
uint16_t le16(const std::string& b, size_t at) {
    return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Reads a stored-only ZIP through its central directory, checking every local header
/// and CRC on the way: name -> contents, in directory order in `order`.
std::map<std::string, std::string> read_zip(const std::string& zip, std::vector<std::string>& order) {
    REQUIRE(zip.size() >= 22);
    const size_t end = zip.size() - 22;
    REQUIRE(le32(zip, end) == 0x06054b50u);
    const uint16_t count = le16(zip, end + 10);
    size_t at = le32(zip, end + 16);
    std::map<std::string, std::string> files;
    for (uint16_t i = 0; i < count; ++i) {
        REQUIRE(le32(zip, at) == 0x02014b50u);
        const uint32_t crc = le32(zip, at + 16), size = le32(zip, at + 20);
        const uint16_t name_len = le16(zip, at + 28);
        const uint32_t local = le32(zip, at + 42);
        const std::string name = zip.substr(at + 46, name_len);
        REQUIRE(le32(zip, local) == 0x04034b50u);
        REQUIRE(le16(zip, local + 8) == 0);  // stored
        REQUIRE(zip.substr(local + 30, le16(zip, local + 26)) == name);
        const std::string data = zip.substr(local + 30 + le16(zip, local + 26) + le16(zip, local + 28), size);
        CHECK(crc32(data) == crc);
        files[name] = data;
        order.push_back(name);
        at += 46 + name_len + le16(zip, at + 30) + le16(zip, at + 32);
    }
    return files;
}

/// Well-formed enough for a course structure: one root, every tag closed in order.
bool balanced_xml(const std::string& xml) {
    std::vector<std::string> open;
    for (size_t at = xml.find('<'); at != std::string::npos; at = xml.find('<', at + 1)) {
        const size_t close = xml.find('>', at);
        if (close == std::string::npos) return false;
        std::string tag = xml.substr(at + 1, close - at - 1);
        if (tag[0] == '?' || tag.back() == '/') continue;
        if (tag[0] == '/') {
            if (open.empty() || open.back() != tag.substr(1)) return false;
            open.pop_back();
        } else {
            open.push_back(tag.substr(0, tag.find(' ')));
        }
    }
    return open.empty();
}

int run(std::vector<std::string> args, std::string& out, std::string& err) {
    std::istringstream in;
    std::ostringstream o, e;
    Io io{in, o, e};
    std::vector<const char*> argv{"frontline"};
    for (const auto& a : args) argv.push_back(a.c_str());
    const int code = run_cli(static_cast<int>(argv.size()), argv.data(), io);
    out = o.str();
    err = e.str();
    return code;
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("frontline-package-" + std::to_string(std::rand()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("CRC-32 as ZIP computes it") {
    CHECK(crc32("") == 0u);
    CHECK(crc32("123456789") == 0xCBF43926u);  // the standard check value
    CHECK(crc32("6789", crc32("12345")) == 0xCBF43926u);
}

TEST_CASE("a stored ZIP reads back entry for entry") {
    TempDir dir;
    const fs::path file = dir.path / "t.zip";
    ZipWriter zip(file.string());
    REQUIRE(zip.ok());
    const std::string binary("\0\x01\xFF\n", 4);
    zip.add("a.txt", "hello");
    zip.add("sub/b.bin", binary);
    zip.add("empty", "");
    REQUIRE(zip.finish());
    std::vector<std::string> order;
    auto files = read_zip(slurp(file), order);
    CHECK(order == std::vector<std::string>{"a.txt", "sub/b.bin", "empty"});
    CHECK(files["a.txt"] == "hello");
    CHECK(files["sub/b.bin"] == binary);
    CHECK(files["empty"].empty());
}

SCENARIO("packaging scenarios as a cmi5 course") {
    TempDir dir;
    const fs::path web = dir.path / "site";
    fs::create_directories(web / "licences");
    for (const char* f : {"index.html", "index.js", "index.wasm", "index.data", "licences/SDL2.txt"})
        std::ofstream(web / f) << "stand-in " << f;
    const std::string scenarios = FRONTLINE_SCENARIOS_DIR;
    const std::string zip = (dir.path / "course.zip").string();
    std::string out, err;

    WHEN("two scenarios are packaged") {
        const int code = run({"package", "cmi5", "-o", zip, "--web", web.string(), "--title", "Service & care",
                              scenarios + "/cold-meal.yaml", scenarios + "/late-checkout.yaml"},
                             out, err);
        THEN("the zip has cmi5.xml first, one AU per scenario, the web build and the scenarios") {
            INFO(err);
            REQUIRE(code == exit_ok);
            CHECK(out.find("2 assignable units") != std::string::npos);
            std::vector<std::string> order;
            auto files = read_zip(slurp(zip), order);
            REQUIRE(!order.empty());
            CHECK(order.front() == "cmi5.xml");
            for (const char* f : {"index.html", "index.js", "index.wasm", "index.data", "licences/SDL2.txt",
                                  "scenarios/cold-meal.yaml", "scenarios/late-checkout.yaml"})
                CHECK(files.count(f) == 1);
            CHECK(files["index.wasm"] == "stand-in index.wasm");
            CHECK(files["scenarios/index.json"] == "[\"cold-meal.yaml\",\"late-checkout.yaml\"]\n");
            const std::string& xml = files["cmi5.xml"];
            CHECK(balanced_xml(xml));
            CHECK(xml.find("<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">") !=
                  std::string::npos);
            CHECK(xml.find("Service &amp; care") != std::string::npos);
            CHECK(xml.find("<url>index.html?scenario=cold-meal.yaml</url>") != std::string::npos);
            CHECK(xml.find("<url>index.html?scenario=late-checkout.yaml</url>") != std::string::npos);
            CHECK(xml.find("The Cold Meal") != std::string::npos);
        }
    }
    WHEN("there is no web build") {
        const int code =
            run({"package", "cmi5", "-o", zip, "--web", (dir.path / "nowhere").string(), scenarios + "/cold-meal.yaml"},
                out, err);
        THEN("it says to build it, and writes nothing") {
            CHECK(code == exit_usage);
            CHECK(err.find(".ci/web") != std::string::npos);
            CHECK_FALSE(fs::exists(zip));
        }
    }
    WHEN("a scenario has errors") {
        const int code = run({"package", "cmi5", "-o", zip, "--web", web.string(),
                              std::string(FRONTLINE_CORPUS_DIR) + "/FL013-duplicate-key.yaml"},
                             out, err);
        THEN("it names the file and fails") {
            CHECK(code == exit_errors);
            CHECK(err.find("FL013-duplicate-key.yaml: has errors") != std::string::npos);
            CHECK_FALSE(fs::exists(zip));
        }
    }
}
