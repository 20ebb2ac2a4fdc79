// The customer's voice. Sections: what to say it with (voice parameters nudged by
// mood), which line it is (line ids), audio clips (WAV/Ogg in, WAV out), the
// synthesiser (espeak-ng), and the worker that synthesises off the render thread.
//
// espeak-ng is not thread-safe and blocks while it speaks, so one worker thread owns
// it; the game only ever posts a request and later polls for the clip. Recorded
// voice-over (a WAV or Ogg file named by line id) replaces the synthetic line.
#pragma once

#include "frontline/scenario.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace frontline::voice {

// --- voice parameters -----------------------------------------------------------------

/// What the synthesiser is asked to speak with, after the mood's nudge.
struct VoiceParams {
    std::string language = "en";
    std::string variant;
    int pitch = 50;  ///< 0..99
    int rate = 165;  ///< words a minute
    friend bool operator==(const VoiceParams&, const VoiceParams&) = default;
};

/// The customer's voice (or the default) nudged by `mood` (0 furious .. 100 delighted):
/// below 50 the voice rises and hurries, above 50 it settles, by up to 10 pitch and
/// 30 words a minute at the extremes. Clamped to the ranges the format allows.
VoiceParams voice_for_mood(const std::optional<Voice>& voice, int mood);

// --- line ids -------------------------------------------------------------------------

/// The id a customer line's voice-over file and cache entry are named by: its stable
/// line id (an explicit `id:`, else `<node>.customer.<hash of the text>`; line_ids.hpp).
std::string line_id(const Scenario& s, int node, int line);

/// The line index of `text` among node `node`'s customer lines (first match), or 0.
int line_index(const Scenario& s, int node, std::string_view text);

// --- clips ----------------------------------------------------------------------------

/// Mono 16-bit audio.
struct Clip {
    std::vector<int16_t> samples;
    int rate = 22050;  ///< samples a second
    double seconds() const { return rate > 0 ? static_cast<double>(samples.size()) / rate : 0.0; }
};

/// Reads a WAV (any format SDL_LoadWAV reads) or an Ogg Vorbis file (stb_vorbis) as
/// mono 16-bit at its own rate. nullopt and `error` on failure.
std::optional<Clip> read_clip(const std::filesystem::path& file, std::string& error);

/// Writes `clip` as a 16-bit mono PCM WAV. Returns an error message, or "".
std::string write_wav(const std::filesystem::path& file, const Clip& clip);

/// The recorded voice-over for `id`: `<dir>/<id>.wav` or `<dir>/<id>.ogg`, or "".
std::filesystem::path find_voice_over(const std::filesystem::path& dir, const std::string& id);

/// Where a scenario's voice-over files live: `voice/<scenario-id>/` next to the scenario file.
std::filesystem::path voice_over_dir(const Scenario& s);

// --- the synthesiser ------------------------------------------------------------------

/// Turns text into a clip. Implementations need not be thread-safe: the worker
/// calls one from its own thread only.
class Synthesiser {
public:
    virtual ~Synthesiser() = default;
    /// The clip for `text`, or nullopt and `error`.
    virtual std::optional<Clip> speak(const VoiceParams& voice, const std::string& text, std::string& error) = 0;
};

/// espeak-ng in synchronous mode, its callback collecting the samples. nullptr and
/// `error` when espeak-ng cannot start (no data files) or is not built in. espeak-ng
/// keeps global state: it starts once per process and its users take turns.
std::unique_ptr<Synthesiser> make_espeak_synthesiser(std::string& error);

// --- the worker -----------------------------------------------------------------------

/// One line to speak, and where it came from.
struct LineRequest {
    std::string id;  ///< line_id(): the cache key with the text
    std::string text;
    VoiceParams voice;
    std::filesystem::path recorded;  ///< a voice-over file to use instead of synthesis, or ""
};

/// A finished line.
struct SpokenLine {
    std::string id;
    std::string text;
    Clip clip;
    bool recorded = false;  ///< from a voice-over file, not the synthesiser
    std::string error;      ///< non-empty: nothing to play (the caption still shows)
};

/// Owns a synthesiser on its own thread. `request` and `poll` never wait for synthesis:
/// they only take a short lock on the queues. Clips are cached by (id, text, voice), so
/// a retried call speaks again at once.
class VoiceWorker {
public:
    /// `make` is called on the worker thread (espeak-ng's state belongs to that thread);
    /// it may return nullptr with an error, and then every request answers with it.
    using Factory = std::function<std::unique_ptr<Synthesiser>(std::string& error)>;
    explicit VoiceWorker(Factory make);
    ~VoiceWorker();
    VoiceWorker(const VoiceWorker&) = delete;
    VoiceWorker& operator=(const VoiceWorker&) = delete;

    /// Queues a line; lines are spoken in the order asked. `cancel_pending()` drops
    /// what has not started (a call that ended or was retried).
    void request(LineRequest line);
    void cancel_pending();
    /// Takes the lines finished since the last poll, oldest first.
    std::vector<SpokenLine> poll();
    /// Requests not yet finished (queued or in progress).
    size_t busy() const;
    /// Lines answered from the cache so far.
    size_t cache_hits() const;

private:
    void run(Factory make);

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<LineRequest> queue_;
    std::vector<SpokenLine> done_;
    std::map<std::string, Clip> cache_;  ///< worker thread only
    size_t in_progress_ = 0;
    size_t cache_hits_ = 0;
    bool stop_ = false;
    std::thread thread_;
};

/// The cache key: id, text and voice, so an edited line or another mood is new audio.
std::string cache_key(const LineRequest& line);

}  // namespace frontline::voice
