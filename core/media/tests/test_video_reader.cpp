// Video decoding for Run: a lossless clip decoded to exact pixel values, an H.264 clip as cameras write it,
// frames addressed in a loop, and files that are not videos (missing, text, audio only, truncated) refused
// with an error naming the file.

#include <QtTest>

#include <fstream>

#include "core/media/video_reader.h"

using namespace tessera;
using namespace tessera::media;

namespace {

const std::string kFixtures = TESSERA_SOURCE_DIR "/tests/fixtures/video/";
const std::string kColours = kFixtures + "red-green-blue-40x30.mkv"; // solid red, green, blue; FFV1
const std::string kClip = kFixtures + "testsrc-64x48-12f.mp4";       // 12 frames, H.264

// Every pixel of `image` equals `rgb`.
bool solid(const exec::RgbImage& image, std::array<float, 3> rgb) {
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        if (image.pixels[i] != rgb[i % 3]) {
            return false;
        }
    }
    return !image.pixels.empty();
}

std::vector<exec::RgbImage> decodeAll(VideoReader& reader) {
    std::vector<exec::RgbImage> frames;
    while (true) {
        auto next = reader.next();
        if (!next) {
            qWarning() << next.error().message.c_str();
            return {};
        }
        if (!*next) {
            return frames;
        }
        frames.push_back(std::move(**next));
    }
}

std::string writeFile(const QTemporaryDir& dir, const std::string& name, const std::string& bytes) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

} // namespace

class TestVideoReader : public QObject {
    Q_OBJECT

private slots:
    void losslessFramesAreExact() {
        auto reader = VideoReader::open(kColours);
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE((*reader)->codec(), std::string("ffv1"));
        QCOMPARE((*reader)->width(), 40);
        QCOMPARE((*reader)->height(), 30);
        const auto frames = decodeAll(**reader);
        QCOMPARE(frames.size(), std::size_t(3));
        QCOMPARE(frames[0].width, 40);
        QCOMPARE(frames[0].height, 30);
        QVERIFY(solid(frames[0], {1, 0, 0}));
        QVERIFY(solid(frames[1], {0, 1, 0}));
        QVERIFY(solid(frames[2], {0, 0, 1}));
        // at the end it stays at the end; rewind starts over
        auto after = (*reader)->next();
        QVERIFY(after && !*after);
        QVERIFY((*reader)->rewind());
        auto first = (*reader)->next();
        QVERIFY(first && *first && solid(**first, {1, 0, 0}));
        // as a network input: planes R, G, B resized to 8x8
        auto tensor = exec::imageToTensor(frames[1], {1, 3, 8, 8});
        QVERIFY(tensor);
        QCOMPARE(std::count(tensor->begin(), tensor->end(), 1.f), std::ptrdiff_t(64));
        QCOMPARE((*tensor)[64], 1.f); // the green plane
    }

    void h264ClipDecodes() {
        auto reader = VideoReader::open(kClip);
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE((*reader)->codec(), std::string("h264"));
        const auto frames = decodeAll(**reader);
        QCOMPARE(frames.size(), std::size_t(12));
        for (const auto& f : frames) {
            QCOMPARE(f.width, 64);
            QCOMPARE(f.height, 48);
            QVERIFY(std::all_of(f.pixels.begin(), f.pixels.end(), [](float v) { return v >= 0 && v <= 1; }));
        }
        // the test pattern moves: consecutive frames differ
        QVERIFY(frames[0].pixels != frames[1].pixels);
        // decoding again after a rewind gives the same pixels (B-frames and key frames every 4 included)
        QVERIFY((*reader)->rewind());
        const auto again = decodeAll(**reader);
        QCOMPARE(again.size(), frames.size());
        for (std::size_t i = 0; i < frames.size(); ++i) {
            QVERIFY2(again[i].pixels == frames[i].pixels, qPrintable(QString("frame %1").arg(i)));
        }
    }

    void loopsOverTheFrames() {
        auto reader = VideoReader::open(kColours);
        QVERIFY(reader);
        LoopedVideo video(std::move(*reader));
        QCOMPARE(video.length(), std::uint64_t(0));
        const std::array<std::array<float, 3>, 3> colours{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
        for (std::uint64_t n : {0, 1, 2, 3, 4, 8, 9, 1, 0, 7}) {
            auto frame = video.frame(n);
            QVERIFY2(frame, frame ? "" : frame.error().message.c_str());
            QVERIFY2(solid(*frame, colours[n % 3]), qPrintable(QString("frame %1").arg(n)));
        }
        QCOMPARE(video.length(), std::uint64_t(3));
    }

    void refusesWhatIsNotAVideo() {
        QTemporaryDir dir;
        const auto refused = [](const std::string& path, const char* words) {
            auto reader = VideoReader::open(path);
            if (reader) {
                // some damage shows only while decoding
                LoopedVideo video(std::move(*reader));
                auto frame = video.frame(0);
                QVERIFY2(!frame, path.c_str());
                QVERIFY2(frame.error().message.rfind(path + ": ", 0) == 0, frame.error().message.c_str());
                return;
            }
            const std::string& message = reader.error().message;
            QVERIFY2(message.rfind(path + ": ", 0) == 0, message.c_str());
            QVERIFY2(message.find(words) != std::string::npos, message.c_str());
        };
        refused(dir.filePath("missing.mp4").toStdString(), "cannot open");
        refused(writeFile(dir, "notes.mp4", "these are not the frames you are looking for\n"), "cannot open");
        // a WAV file: one second of silence, audio only
        std::string wav = "RIFF";
        const auto le32 = [](std::uint32_t v) {
            return std::string{char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
        };
        const auto le16 = [](std::uint16_t v) { return std::string{char(v), char(v >> 8)}; };
        const std::uint32_t samples = 8000;
        wav += le32(36 + samples) + "WAVEfmt " + le32(16) + le16(1) + le16(1) + le32(8000) + le32(8000) +
               le16(1) + le16(8) + "data" + le32(samples) + std::string(samples, char(128));
        refused(writeFile(dir, "sound.wav", wav), "no video stream");
        // the clip cut short: its index (written at the end) is gone
        std::ifstream in(kClip, std::ios::binary);
        const std::string clip((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        refused(writeFile(dir, "cut.mp4", clip.substr(0, clip.size() / 2)), "");
    }
};

QTEST_MAIN(TestVideoReader)
#include "test_video_reader.moc"
