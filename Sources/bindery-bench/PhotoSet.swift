import Foundation

/// The large photos of the picture benchmark: `count` distinct 3000×2000
/// pictures, half JPEG (quality 90, about 1.4 MB, what news sites serve) and
/// half WebP (quality 85), plus a JPEG twin of each WebP for the
/// "same book, copied raw" comparison (EPUB cannot carry WebP as it is).
///
/// Made deterministically with Debian's tools: ImageMagick draws one
/// 4000×3000 seeded plasma fractal (soft colour clouds with fine grain,
/// which compress like photos), and libvips's `vips` crops each picture
/// from it at its own offset. Made once, in `folder`, and reused.
struct PhotoSet {
    var count: Int
    var folder: URL
    static let convert = "/usr/bin/convert"
    static let vips = "/usr/bin/vips"
    static let width = 3000, height = 2000

    /// `000.jpg`, `001.webp`, … (even JPEG, odd WebP).
    func name(_ index: Int) -> String { String(format: "%03d.%@", index, index % 2 == 0 ? "jpg" : "webp") }
    func twinName(_ index: Int) -> String { String(format: "%03d.jpg", index) }

    var photos: URL { folder.appendingPathComponent("photos") }
    var twins: URL { folder.appendingPathComponent("twins") }
    private var done: URL { folder.appendingPathComponent("photos.complete") }

    /// Makes what is missing; returns at once when the set is complete.
    func prepare(progress: (String) -> Void) throws {
        if FileManager.default.fileExists(atPath: done.path) { return }
        for tool in [Self.convert, Self.vips] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw BenchError.failed("\(tool) is missing: apt-get install imagemagick libvips-tools")
        }
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: twins, withIntermediateDirectories: true)
        let base = folder.appendingPathComponent("plasma.v")
        if !FileManager.default.fileExists(atPath: base.path) {
            progress("drawing the 4000×3000 plasma the photos are cut from")
            let ppm = folder.appendingPathComponent("plasma.ppm")
            try run([Self.convert, "-seed", "1", "-size", "4000x3000", "plasma:fractal", "-blur", "0x0.6", ppm.path])
            try run([Self.vips, "copy", ppm.path, base.path])
            try? FileManager.default.removeItem(at: ppm)
        }
        var commands: [[String]] = []
        for index in 0..<count {
            let (x, y) = Self.offset(index)
            let photo = photos.appendingPathComponent(name(index))
            let options = index % 2 == 0 ? "[Q=90,strip]" : "[Q=85,effort=2,strip]"
            if !FileManager.default.fileExists(atPath: photo.path) {
                commands.append([Self.vips, "crop", base.path, photo.path + options, "\(x)", "\(y)", "\(Self.width)", "\(Self.height)"])
            }
        }
        progress("cutting \(commands.count) photos, two at a time")
        try runTwoAtATime(commands)
        var twinCommands: [[String]] = []
        for index in 0..<count {
            let twin = twins.appendingPathComponent(twinName(index))
            guard !FileManager.default.fileExists(atPath: twin.path) else { continue }
            if index % 2 == 0 {
                try FileManager.default.linkItem(at: photos.appendingPathComponent(name(index)), to: twin)
            } else {
                twinCommands.append([Self.vips, "copy", photos.appendingPathComponent(name(index)).path, twin.path + "[Q=90,strip]"])
            }
        }
        progress("making \(twinCommands.count) JPEG twins of the WebP photos")
        try runTwoAtATime(twinCommands)
        try Data().write(to: done)
    }

    /// Where photo `index` is cut from the plasma: a different place for
    /// each of the first million (x steps through the 1000 columns, y moves
    /// on by a step coprime to 1000 every thousand photos), so no two
    /// photos are the same picture.
    static func offset(_ index: Int) -> (x: Int, y: Int) {
        let span = 1000 // 4000 - width and 3000 - height
        return (index % span, (index * 7919 + index / span * 331) % span)
    }

    /// An archive of `count / 5` articles, each showing five of the photos
    /// (`ImageArchive`'s layout) from `img/` beside the articles; the files
    /// are hard links, so the archive costs no space.
    func archive(at archive: URL, jpegOnly: Bool) throws -> ImageArchive {
        let images = (0..<count).map { (name: jpegOnly ? twinName($0) : name($0), data: Data()) }
        let layout = ImageArchive(images: images, baseURL: ".")
        let marker = archive.appendingPathComponent("archive.complete")
        if FileManager.default.fileExists(atPath: marker.path) { return layout }
        try? FileManager.default.removeItem(at: archive)
        let img = archive.appendingPathComponent("img")
        try FileManager.default.createDirectory(at: img, withIntermediateDirectories: true)
        for index in 0..<count {
            let source = jpegOnly ? twins.appendingPathComponent(twinName(index)) : photos.appendingPathComponent(name(index))
            try FileManager.default.linkItem(at: source, to: img.appendingPathComponent(source.lastPathComponent))
        }
        try layout.write(to: archive)
        try Data().write(to: marker)
        return layout
    }

    /// Total bytes of the photos (or their JPEG twins).
    func bytes(jpegOnly: Bool) -> Int {
        (0..<count).reduce(0) { total, index in
            let url = jpegOnly ? twins.appendingPathComponent(twinName(index)) : photos.appendingPathComponent(name(index))
            return total + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        }
    }

    private func run(_ command: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.failed("\(command.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }

    /// Both cores, one command each.
    private func runTwoAtATime(_ commands: [[String]]) throws {
        let lock = NSLock()
        var next = 0
        var failure: Error?
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                lock.lock()
                guard next < commands.count, failure == nil else { lock.unlock(); return }
                let command = commands[next]
                next += 1
                lock.unlock()
                do { try run(command) } catch {
                    lock.lock(); failure = error; lock.unlock()
                }
            }
        }
        if let failure { throw failure }
    }
}
