import Foundation

/// The pictures the image benchmark serves: distinct, deterministic, valid
/// JPEGs and PNGs of 20–200 KB, the size of the news photos archives link to.
/// Their bytes are mostly noise, so they barely compress, like real photos.
enum BenchImages {
    static let minimumBytes = 20_000
    static let maximumBytes = 200_000

    /// Image `index`: JPEG for even indices, PNG for odd ones.
    static func image(_ index: Int, seed: UInt64 = 1) -> (name: String, data: Data) {
        var random = SplitMix64(seed: seed ^ 0x1A6E_5EED, stream: index)
        let target = random.int(in: minimumBytes...(maximumBytes - 2_000))
        let name = String(format: "%03d", index)
        if index % 2 == 0 {
            return (name + ".jpg", jpeg(targetBytes: target, &random))
        }
        return (name + ".png", png(targetBytes: target, &random))
    }

    /// A small baseline JPEG grown to `targetBytes` with comment segments
    /// (COM, ITU T.81 B.2.4.5) of noise, as EXIF and ICC blocks grow real ones.
    private static func jpeg(targetBytes: Int, _ random: inout SplitMix64) -> Data {
        let picture = LocalImages.jpeg(width: 8 * random.int(in: 40...160), height: 8 * random.int(in: 30...120))
        // SOI (2 bytes) and the JFIF APP0 segment (18) must stay first.
        let headerLength = 20
        var padding: [UInt8] = []
        var missing = targetBytes - picture.count
        while missing > 4 {
            let payload = min(65_533, missing - 4)
            padding += [0xFF, 0xFE, UInt8((payload + 2) >> 8), UInt8((payload + 2) & 0xFF)]
            padding += noise(payload, &random)
            missing -= payload + 4
        }
        return picture.prefix(headerLength) + Data(padding) + picture.dropFirst(headerLength)
    }

    /// An RGB PNG whose pixel data (stored uncompressed) is about `targetBytes`.
    private static func png(targetBytes: Int, _ random: inout SplitMix64) -> Data {
        let width = random.int(in: 96...320)
        let height = max(1, targetBytes / (width * 3))
        return LocalImages.png(width: width, height: height, rgb: noise(width * height * 3, &random))
    }

    private static func noise(_ count: Int, _ random: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            withUnsafeBytes(of: random.next()) { bytes += $0 }
        }
        return Array(bytes.prefix(count))
    }
}
