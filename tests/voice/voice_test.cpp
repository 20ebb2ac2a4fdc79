// The customer's voice: mood nudges the voice, the worker never makes its caller
// wait, clips are cached, espeak-ng speaks a line of sensible length and loudness,
// and recorded voice-over files are found and read by line id.
#include "frontline/voice.hpp"

#include "frontline/line_ids.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

using namespace frontline;
using namespace frontline::voice;

namespace {

/// A synthesiser that speaks only when the test lets it: while it waits, any call of
/// the worker's that waited for synthesis would hang the test instead of returning.
class GatedSynthesiser final : public Synthesiser {
public:
    struct Gate {
        std::mutex mutex;
        std::condition_variable cv;
        bool open = false;
        std::atomic<int> calls{0};
        void release() {
            {
                std::lock_guard lock(mutex);
                open = true;
            }
            cv.notify_all();
        }
    };
    explicit GatedSynthesiser(Gate& gate) : gate_(gate) {}
    std::optional<Clip> speak(const VoiceParams& voice, const std::string& text, std::string&) override {
        ++gate_.calls;
        std::unique_lock lock(gate_.mutex);
        gate_.cv.wait(lock, [&] { return gate_.open; });
        Clip clip;
        clip.samples.assign(text.size() * 100,
                            static_cast<int16_t>(voice.pitch));  // length from the text, content from the voice
        return clip;
    }

private:
    Gate& gate_;
};

/// Waits (bounded) for the worker to finish `n` lines.
std::vector<SpokenLine> wait_for(VoiceWorker& worker, size_t n) {
    std::vector<SpokenLine> out;
    for (int i = 0; i < 2000 && out.size() < n; ++i) {
        for (auto& line : worker.poll()) out.push_back(std::move(line));
        if (out.size() < n) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return out;
}

int peak(const Clip& c) {
    int m = 0;
    for (int16_t s : c.samples) m = std::max(m, std::abs(static_cast<int>(s)));
    return m;
}

/// Upward zero crossings a second: a rough pitch of a voiced clip.
double crossings_per_second(const Clip& c) {
    size_t n = 0;
    for (size_t i = 1; i < c.samples.size(); ++i) n += c.samples[i - 1] < 0 && c.samples[i] >= 0;
    return static_cast<double>(n) / c.seconds();
}

}  // namespace

SCENARIO("the customer's mood nudges their voice") {
    GIVEN("a voice with pitch 50 and rate 160") {
        const std::optional<Voice> v = Voice{"en-gb", "f3", 50, 160, {}};
        THEN("a calm customer (mood 50) speaks as written") {
            CHECK(voice_for_mood(v, 50) == VoiceParams{"en-gb", "f3", 50, 160});
        }
        THEN("an angry one speaks higher and faster, a delighted one lower and slower") {
            const VoiceParams angry = voice_for_mood(v, 0), happy = voice_for_mood(v, 100);
            CHECK(angry.pitch == 60);
            CHECK(angry.rate == 190);
            CHECK(happy.pitch == 40);
            CHECK(happy.rate == 130);
        }
        THEN("the nudge stays inside the ranges espeak-ng takes") {
            const std::optional<Voice> high = Voice{"en", "", 95, 440, {}};
            CHECK(voice_for_mood(high, 0).pitch == max_voice_pitch);
            CHECK(voice_for_mood(high, 0).rate == max_voice_rate);
        }
    }
    GIVEN("no voice in the scenario") {
        THEN("the default is en at pitch 50, rate 165") { CHECK(voice_for_mood(std::nullopt, 50) == VoiceParams{}); }
    }
}

SCENARIO("the voice worker never makes the game wait") {
    GIVEN("a worker whose synthesiser is stuck until released") {
        GatedSynthesiser::Gate gate;
        VoiceWorker worker([&](std::string&) { return std::make_unique<GatedSynthesiser>(gate); });
        WHEN("lines are requested and polled while it is stuck") {
            worker.request({"a", "Hello there.", {}, {}});
            worker.request({"b", "Where is my parcel?", {}, {}});
            THEN("requests and polls return at once, with nothing yet") {
                CHECK(worker.poll().empty());
                CHECK(worker.busy() == 2);
                worker.request({"c", "Third.", {}, {}});
                CHECK(worker.poll().empty());
                gate.release();
                AND_THEN("once released, the lines arrive in the order asked") {
                    auto lines = wait_for(worker, 3);
                    REQUIRE(lines.size() == 3);
                    CHECK(lines[0].id == "a");
                    CHECK(lines[1].id == "b");
                    CHECK(lines[2].id == "c");
                    CHECK(lines[1].clip.samples.size() == std::string("Where is my parcel?").size() * 100);
                    CHECK(worker.busy() == 0);
                }
            }
        }
        WHEN("the same line is asked for twice, and once with another mood") {
            gate.release();
            worker.request({"a", "Hello there.", {}, {}});
            REQUIRE(wait_for(worker, 1).size() == 1);
            worker.request({"a", "Hello there.", {}, {}});
            worker.request({"a", "Hello there.", voice_for_mood(std::nullopt, 0), {}});
            auto lines = wait_for(worker, 2);
            THEN("the repeat comes from the cache, the new voice is synthesised") {
                REQUIRE(lines.size() == 2);
                CHECK(worker.cache_hits() == 1);
                CHECK(gate.calls == 2);
                CHECK(lines[1].clip.samples.front() == 60);
            }
        }
        WHEN("pending lines are cancelled (the call ended)") {
            worker.request({"a", "One.", {}, {}});
            worker.request({"b", "Two.", {}, {}});
            worker.request({"c", "Three.", {}, {}});
            for (int i = 0; i < 2000 && gate.calls == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            worker.cancel_pending();
            gate.release();
            auto lines = wait_for(worker, 1);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            THEN("only the line in progress finishes") {
                CHECK(worker.poll().empty());
                REQUIRE(lines.size() == 1);
                CHECK(lines[0].id == "a");
            }
        }
    }
    GIVEN("a worker whose synthesiser cannot start") {
        VoiceWorker worker([](std::string& error) -> std::unique_ptr<Synthesiser> {
            error = "no synthesiser here";
            return nullptr;
        });
        worker.request({"a", "Hello.", {}, {}});
        auto lines = wait_for(worker, 1);
        THEN("the line comes back with the reason and no audio (the caption still shows)") {
            REQUIRE(lines.size() == 1);
            CHECK(lines[0].error == "no synthesiser here");
            CHECK(lines[0].clip.samples.empty());
        }
    }
}

SCENARIO("espeak-ng speaks a line, and the mood moves its pitch") {
    GIVEN("the espeak-ng synthesiser on the worker thread") {
        VoiceWorker worker([](std::string& error) { return make_espeak_synthesiser(error); });
        const std::string text = "I have been waiting for forty minutes and nobody has called me back.";
        worker.request({"calm", text, voice_for_mood(std::nullopt, 100), {}});
        worker.request({"angry", text, voice_for_mood(std::nullopt, 0), {}});
        auto lines = wait_for(worker, 2);
        REQUIRE(lines.size() == 2);
        INFO(lines[0].error);
        THEN("the line lasts as long as speech does and is clearly audible") {
            REQUIRE(lines[0].error.empty());
            CHECK(lines[0].clip.rate == 22050);
            CHECK(lines[0].clip.seconds() > 2.0);
            CHECK(lines[0].clip.seconds() < 10.0);
            CHECK(peak(lines[0].clip) > 3000);
        }
        THEN("the angry customer speaks faster and higher") {
            CHECK(lines[1].clip.seconds() < lines[0].clip.seconds());
            CHECK(crossings_per_second(lines[1].clip) > crossings_per_second(lines[0].clip));
        }
    }
}

SCENARIO("recorded voice-over is found by line id and read as WAV or Ogg") {
    const std::filesystem::path dir = std::filesystem::path(FRONTLINE_VOICE_TEST_TMP) / "voice" / "kettle";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    GIVEN("a WAV for one line written by write_wav") {
        Clip tone;
        tone.rate = 16000;
        for (int i = 0; i < 16000; ++i)
            tone.samples.push_back(static_cast<int16_t>(8000 * std::sin(2 * 3.14159265 * 440 * i / 16000.0)));
        REQUIRE(write_wav(dir / "opening.wav", tone).empty());
        THEN("that line has a file and the others none") {
            CHECK(find_voice_over(dir, "opening") == dir / "opening.wav");
            CHECK(find_voice_over(dir, "refund").empty());
        }
        THEN("it reads back as the same samples") {
            std::string error;
            auto clip = read_clip(dir / "opening.wav", error);
            INFO(error);
            REQUIRE(clip);
            CHECK(clip->rate == 16000);
            CHECK(clip->samples == tone.samples);
        }
    }
    GIVEN("a file that is not audio") {
        { std::ofstream(dir / "bad.wav") << "not a wave"; }
        { std::ofstream(dir / "bad.ogg") << "not a vorbis"; }
        std::string error;
        THEN("reading it fails with a message, not a crash") {
            CHECK_FALSE(read_clip(dir / "bad.wav", error));
            CHECK(error.find("bad.wav") != std::string::npos);
            CHECK_FALSE(read_clip(dir / "bad.ogg", error));
            CHECK(error.find("bad.ogg") != std::string::npos);
        }
    }
}

SCENARIO("a line's id names its voice-over file") {
    LoadedScenario loaded = test::load_clean(test::scenario_header + R"(start: a
nodes:
  a:
    customer:
      - {if: "mood < 30", text: "You again."}
      - {id: hello, text: Hello.}
    choices:
      - {say: Hi., feedback: Hi., next: done}
endings:
  done: {outcome: neutral, text: Done.}
)");
    const Scenario& s = *loaded.scenario;
    CHECK(line_id(s, 0, 0) == "a.customer." + line_text_hash("You again."));  // derived from its own text
    CHECK(line_id(s, 0, 1) == "hello");                                       // the author's id
    Scenario unchecked = s;
    unchecked.nodes[0].customer[0].id.clear();
    CHECK(line_id(unchecked, 0, 0) == line_id(s, 0, 0));
    CHECK(line_index(s, 0, "Hello.") == 1);
    CHECK(voice_over_dir(s) == std::filesystem::path("voice") / "test");
}
