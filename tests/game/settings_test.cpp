#include "settings.hpp"
#include "widgets.hpp"

#include <ctime>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace frontline::game;

namespace {
std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}
}  // namespace

SCENARIO("settings are read from a small INI file") {
    GIVEN("a file a trainer set up for a projector") {
        auto r = parse_settings("# mine\n[display]\nui_scale = 175\nfullscreen = true\nhigh_contrast = yes\n"
                                "reduced_motion = 0\n",
                                "settings.ini");
        THEN("every value is taken and nothing is reported") {
            CHECK(r.warnings.empty());
            CHECK(r.settings.ui_scale_percent == 175);
            CHECK(r.settings.fullscreen);
            CHECK(r.settings.high_contrast);
            CHECK_FALSE(r.settings.reduced_motion);
        }
    }
    GIVEN("a key from a newer version") {
        auto r = parse_settings("ui_scale = 150\ntheme_hue = 12\n", "s.ini");
        THEN("it is ignored with a warning and the rest is kept") {
            CHECK(r.settings.ui_scale_percent == 150);
            REQUIRE(r.warnings.size() == 1);
            CHECK(r.warnings[0] == "s.ini:2: unknown setting 'theme_hue' ignored");
        }
    }
}

SCENARIO("the sound volume is a setting, 0 meaning muted") {
    GIVEN("a file that mutes the game") {
        auto r = parse_settings("[sound]\nvolume = 0\n", "settings.ini");
        THEN("the volume is zero and nothing is reported") {
            CHECK(r.warnings.empty());
            CHECK(r.settings.volume_percent == 0);
        }
    }
    GIVEN("no volume in the file") {
        auto r = parse_settings("ui_scale = 150\n", "settings.ini");
        THEN("sound is on at the default volume") { CHECK(r.settings.volume_percent == Settings{}.volume_percent); }
    }
    for (const char* bad : {"volume = 101\n", "volume = -5\n", "volume = loud\n"}) {
        GIVEN(std::string("the text: ") + bad) {
            auto r = parse_settings(bad, "settings.ini");
            THEN("the file is corrupt: defaults and a warning") {
                CHECK(r.settings == Settings{});
                REQUIRE(r.warnings.size() == 1);
                CHECK(r.warnings[0].find("volume must be") != std::string::npos);
            }
        }
    }
    GIVEN("settings with a volume written out") {
        Settings s;
        s.volume_percent = 40;
        THEN("they read back the same") { CHECK(parse_settings(format_settings(s), "s.ini").settings == s); }
    }
}

SCENARIO("the customer's voice has its own volume, 0 meaning muted") {
    GIVEN("a file that mutes the voice but keeps the ring") {
        auto r = parse_settings("[sound]\nvolume = 80\nvoice = 0\n", "settings.ini");
        THEN("the voice is muted, the cues are not") {
            CHECK(r.warnings.empty());
            CHECK(r.settings.voice_volume_percent == 0);
            CHECK(r.settings.volume_percent == 80);
        }
    }
    for (const char* bad : {"voice = 101\n", "voice = -1\n", "voice = on\n"}) {
        GIVEN(std::string("the text: ") + bad) {
            auto r = parse_settings(bad, "settings.ini");
            THEN("the file is corrupt: defaults and a warning") {
                CHECK(r.settings == Settings{});
                REQUIRE(r.warnings.size() == 1);
                CHECK(r.warnings[0].find("voice must be") != std::string::npos);
            }
        }
    }
    GIVEN("settings with a voice volume written out") {
        Settings s;
        s.voice_volume_percent = 40;
        THEN("they read back the same") { CHECK(parse_settings(format_settings(s), "s.ini").settings == s); }
    }
}

SCENARIO("a corrupt settings file gives defaults and a warning, never a crash") {
    const std::string corrupt[] = {"ui_scale = huge\n",  "ui_scale = 400\n", "fullscreen = maybe\n",
                                    "just words\n",       "[display\n",       std::string("ui_scale = 150\0\n", 16)};
    for (const std::string& text : corrupt) {
        GIVEN(std::string("the text: ") + text) {
            auto r = parse_settings(text, "settings.ini");
            THEN("everything is default and the warning names the file and line") {
                CHECK(r.settings == Settings{});
                REQUIRE(r.warnings.size() == 1);
                CHECK(r.warnings[0].rfind("settings.ini:1: ", 0) == 0);
                CHECK(r.warnings[0].find("using default settings") != std::string::npos);
            }
        }
    }
    GIVEN("binary garbage on disk") {
        auto dir = fresh_dir("settings-binary");
        {
            std::ofstream out(dir / "settings.ini", std::ios::binary);
            const char junk[] = {'\x7f', 'E', 'L', 'F', '\0', '\x01', '\xff', '\n'};
            out.write(junk, sizeof junk);
        }
        auto r = load_settings(dir / "settings.ini");
        CHECK(r.settings == Settings{});
        CHECK(r.warnings.size() == 1);
    }
}

SCENARIO("settings are remembered between runs in the XDG config dir") {
    GIVEN("XDG_CONFIG_HOME points at a fresh folder") {
        auto dir = fresh_dir("xdg");
        setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
        auto path = default_settings_path();
        REQUIRE(path);
        CHECK(*path == dir / "frontline" / "settings.ini");
        WHEN("no file exists yet") {
            auto r = load_settings(*path);
            THEN("defaults, silently") {
                CHECK(r.settings == Settings{});
                CHECK(r.warnings.empty());
            }
        }
        WHEN("settings are saved and read back") {
            Settings s{200, true, true, true, true, {"Night shift", "Team B", "Ward 7"}, 40, "fr"};
            CHECK(save_settings(*path, s).empty());
            auto r = load_settings(*path);
            THEN("they round-trip exactly") {
                CHECK(r.warnings.empty());
                CHECK(r.settings == s);
            }
        }
        setenv("XDG_CONFIG_HOME", FRONTLINE_TEST_TMP "/config", 1);
    }
    GIVEN("no XDG_CONFIG_HOME but a HOME") {
        std::string old_xdg = std::getenv("XDG_CONFIG_HOME") ? std::getenv("XDG_CONFIG_HOME") : "";
        std::string old_home = std::getenv("HOME") ? std::getenv("HOME") : "";
        unsetenv("XDG_CONFIG_HOME");
        setenv("HOME", "/home/trainer", 1);
        auto path = default_settings_path();
        REQUIRE(path);
        CHECK(*path == std::filesystem::path("/home/trainer/.config/frontline/settings.ini"));
        setenv("XDG_CONFIG_HOME", old_xdg.c_str(), 1);
        setenv("HOME", old_home.c_str(), 1);
    }
}

TEST_CASE("times read as words, in local time") {
    const char* old_tz = std::getenv("TZ");
    const std::string saved = old_tz ? old_tz : "";
    setenv("TZ", "UTC", 1);
    tzset();
    CHECK(friendly_time("2026-11-09T03:44:10.120Z") == "Mon 9 Nov, 03:44");
    CHECK(friendly_time("2026-11-29T13:05:00Z") == "Sun 29 Nov, 13:05");
    CHECK(friendly_time("not a time") == "not a time");
    if (old_tz) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
}

SCENARIO("the language of the calls is a setting") {
    GIVEN("a file that asks for French") {
        auto r = parse_settings("[language]\nlanguage = fr\n", "settings.ini");
        THEN("it is read, and written back") {
            CHECK(r.warnings.empty());
            CHECK(r.settings.language == "fr");
            CHECK(parse_settings(format_settings(r.settings), "settings.ini").settings == r.settings);
        }
    }
    GIVEN("no language in the file") {
        THEN("scenarios are played as written") {
            CHECK(parse_settings("ui_scale = 150\n", "settings.ini").settings.language.empty());
        }
    }
    GIVEN("a value that is not a language code") {
        auto r = parse_settings("language = ../../etc\n", "settings.ini");
        THEN("the file is corrupt: defaults and a warning") {
            CHECK(r.settings.language.empty());
            REQUIRE(r.warnings.size() == 1);
            CHECK(r.warnings[0].find("language code") != std::string::npos);
        }
    }
}
