import XCTest
@testable import BinderyKit

/// One picture at a time through `PictureProcessor`, checked with header
/// readers that do not use libvips.
final class PictureProcessorTests: XCTestCase {
    private let kindle = PictureProcessor(settings: PictureSettings(device: .kindle), accepted: AssetOptions.epubTypes)
    private let colour = PictureProcessor(settings: .digestDefault, accepted: AssetOptions.epubTypes)

    private func converted(_ result: ProcessedPicture, file: StaticString = #filePath, line: UInt = #line) throws -> (Data, ImageType) {
        guard case .converted(let data, let type) = result else {
            XCTFail("not converted: \(result)", file: file, line: line)
            throw XCTSkip("no output")
        }
        XCTAssertEqual(ImageType.sniff(data), type, file: file, line: line)
        return (data, type)
    }

    func testLargeJPEGShrinksIntoTheBoxNeverBeyond() throws {
        let source = try PictureFixtures.blocks(width: 4000, height: 3000, as: ".jpg[Q=90]")
        let (data, type) = try converted(colour.process(source, type: .jpeg))
        XCTAssertEqual(type, .jpeg)
        XCTAssertEqual(ImageDimensions.read(data), ImageDimensions(width: 1264, height: 948))
        XCTAssertEqual(PictureFixtures.channels(data), 3)
    }

    func testSmallPicturesAreNeverEnlarged() throws {
        let source = try PictureFixtures.photo(width: 320, height: 200, as: ".webp[Q=80]")
        let (data, type) = try converted(colour.process(source, type: .webp))
        XCTAssertEqual(type, .jpeg, "a WebP photo becomes a JPEG")
        XCTAssertEqual(ImageDimensions.read(data), ImageDimensions(width: 320, height: 200))
    }

    func testGrayscaleGivesOneChannelAndFlattensTransparency() throws {
        let photo = try converted(kindle.process(PictureFixtures.photo(width: 400, height: 300, as: ".jpg"), type: .jpeg))
        XCTAssertEqual(PictureFixtures.channels(photo.0), 1)
        let disc = try converted(kindle.process(PictureFixtures.pngWithAlpha(side: 200), type: .png))
        XCTAssertEqual(disc.1, .png)
        XCTAssertEqual(PictureFixtures.channels(disc.0), 1, "grey, no alpha: flattened onto white")
    }

    func testTransparencyStaysPNGInColour() throws {
        let (data, type) = try converted(colour.process(PictureFixtures.pngWithAlpha(side: 200), type: .png))
        XCTAssertEqual(type, .png)
        XCTAssertEqual(PictureFixtures.channels(data), 4)
    }

    func testCMYKAndSixteenBitBecomeEightBitRGB() throws {
        let cmyk = try PictureFixtures.cmykJPEG(width: 300, height: 200)
        XCTAssertEqual(PictureFixtures.channels(cmyk), 4, "the fixture is CMYK")
        let fromCMYK = try converted(colour.process(cmyk, type: .jpeg))
        XCTAssertEqual(PictureFixtures.channels(fromCMYK.0), 3)

        let deep = try PictureFixtures.sixteenBitPNG(width: 200, height: 100)
        XCTAssertEqual([UInt8](deep)[24], 16, "the fixture is 16-bit")
        let fromDeep = try converted(colour.process(deep, type: .png))
        XCTAssertEqual(fromDeep.1, .jpeg, "a photo in a PNG becomes a JPEG")
        XCTAssertEqual(PictureFixtures.channels(fromDeep.0), 3)
    }

    func testAVIFTIFFAndBMPAreConverted() throws {
        for (suffix, type) in [(".avif", ImageType.avif), (".tif", .tiff)] {
            let source = try PictureFixtures.photo(width: 240, height: 160, as: suffix)
            XCTAssertEqual(ImageType.sniff(source), type, suffix)
            let (data, out) = try converted(colour.process(source, type: type))
            XCTAssertEqual(out, .jpeg, suffix)
            XCTAssertEqual(ImageDimensions.read(data), ImageDimensions(width: 240, height: 160), suffix)
        }
    }

    func testDrawingsStayPNGAndPhotosInPNGBecomeJPEG() throws {
        let chart = try PictureFixtures.blocks(width: 600, height: 400, as: ".png[compression=9]")
        let fromChart = colour.process(chart, type: .png)
        XCTAssertEqual(fromChart, .original, "a small chart the reader can show is kept as it is")
        let big = try PictureFixtures.blocks(width: 3000, height: 2000, as: ".png")
        XCTAssertEqual(try converted(colour.process(big, type: .png)).1, .png, "a large chart is scaled, still PNG")
    }

    func testTrackingPixelsAreDroppedAndDamagedPicturesReported() throws {
        let pixel = try PictureFixtures.photo(width: 1, height: 1, as: ".png")
        XCTAssertEqual(colour.process(pixel, type: .png), .dropped)
        let strip = try PictureFixtures.photo(width: 600, height: 2, as: ".gif")
        XCTAssertEqual(colour.process(strip, type: .gif), .dropped)
        guard case .undecodable(let reason) = colour.process(try PictureFixtures.truncatedJPEG(), type: .jpeg) else {
            return XCTFail("a truncated JPEG must be reported")
        }
        XCTAssertFalse(reason.isEmpty)
    }

    func testSmallAnimationStaysLargeOneKeepsItsFirstFrame() throws {
        let small = try PictureFixtures.animatedGIF(side: 64, frames: 3)
        XCTAssertEqual(colour.process(small, type: .gif), .original)
        let grey = try converted(kindle.process(small, type: .gif))
        XCTAssertEqual(ImageDimensions.read(grey.0), ImageDimensions(width: 64, height: 64), "first frame only")
        XCTAssertEqual(PictureFixtures.channels(grey.0), 1)
    }

    func testOriginalKeepsBytesButConvertsWhatTheReaderCannotShow() throws {
        let original = PictureProcessor(settings: .original, accepted: AssetOptions.epubTypes)
        let large = try PictureFixtures.blocks(width: 3000, height: 2000, as: ".jpg")
        XCTAssertEqual(original.process(large, type: .jpeg), .original)
        let webp = try PictureFixtures.photo(width: 300, height: 200, as: ".webp")
        let (data, type) = try converted(original.process(webp, type: .webp))
        XCTAssertEqual(type, .jpeg)
        XCTAssertEqual(ImageDimensions.read(data), ImageDimensions(width: 300, height: 200))
    }

    func testEXIFOrientationIsAppliedMetadataStrippedOutputRepeatable() throws {
        let source = PictureFixtures.withEXIFOrientation6(try PictureFixtures.photo(width: 400, height: 300, as: ".jpg[Q=95]"))
        XCTAssertTrue(PictureFixtures.hasMetadata(source))
        let first = try converted(colour.process(source, type: .jpeg))
        XCTAssertEqual(ImageDimensions.read(first.0), ImageDimensions(width: 300, height: 400), "turned upright")
        XCTAssertFalse(PictureFixtures.hasMetadata(first.0))
        XCTAssertEqual(try converted(colour.process(source, type: .jpeg)).0, first.0, "same bytes every time")
    }

    func testDecoderShrinksWhileDecodingOnlyAsFarAsTheBoxAllows() throws {
        let kindle = try XCTUnwrap(DevicePreset.kindle.box)
        func options(_ data: Data, _ type: ImageType, _ box: PictureBox) throws -> String {
            try data.withUnsafeBytes { try PictureProcessor.shrinkOnLoad(VipsPicture.header($0), type: type, box: box) }
        }
        let large = try PictureFixtures.blocks(width: 4000, height: 3000, as: ".jpg")
        XCTAssertEqual(try options(large, .jpeg, kindle), "shrink=2", "3.7 times too large: half size, then Lanczos")
        XCTAssertEqual(try options(large, .jpeg, PictureBox(width: 480, height: 480)), "shrink=8")
        XCTAssertEqual(try options(large, .jpeg, PictureBox(width: 2500, height: 2500)), "", "less than twice too large")
        let webp = try PictureFixtures.blocks(width: 2144, height: 1000, as: ".webp")
        XCTAssertEqual(try options(webp, .webp, kindle), "scale=0.500000")
        XCTAssertEqual(try options(try PictureFixtures.blocks(width: 4000, height: 3000, as: ".png"), .png, kindle), "")
    }
}
