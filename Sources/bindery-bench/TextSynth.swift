/// Synthetic news prose in simplified Chinese, traditional Chinese and
/// English, built from word lists written for this benchmark (no copyrighted
/// text). Writes UTF-8 bytes straight into a buffer: 57 MB of archive must
/// come out in a few seconds.
enum Script: CaseIterable {
    case simplified, traditional, english
}

enum TextSynth {
    static let englishWords = words("""
        the government said on officials would talks agreement minister foreign security forces border \
        president election vote parliament economy market prices inflation growth report week year \
        country region city capital people police army military attack strike aid humanitarian \
        ministry spokesman statement agency press conference meeting summit leaders cooperation \
        trade exports imports tariffs sanctions energy oil gas power grid climate weather flood \
        drought harvest farmers workers union strike hospital health doctors patients vaccine school \
        students teachers university court judge trial law rights protest crowd square street \
        night morning afternoon officials confirmed denied announced warned urged called expected \
        a an of in to for with from by at as after before during against between across under \
        new old local national international regional central northern southern eastern western \
        first second third last next several many few more most some all both each other \
        bridge railway airport port ship flight train road project plan budget fund bank loan \
        debt currency dollar euro investors shares company companies technology internet data \
        privacy network service users phone app platform rules regulators commission review \
        said says told added according reported quoted citing sources familiar matter \
        ceasefire negotiations envoy delegation embassy ambassador relations ties dispute \
        island coast sea river mountain valley village town province state district county \
        and but or while although because since however meanwhile later earlier also still
        """)

    static let simplifiedWords = words("""
        政府 官员 周五 周四 周三 周二 周一 表示 宣布 同意 缓和 局势 外交 关系 部长 外长 总统 总理 \
        议会 选举 投票 经济 市场 价格 通胀 增长 报告 本周 今年 国家 地区 城市 首都 民众 警方 \
        军队 袭击 援助 人道 声明 发言人 记者会 会议 峰会 领导人 合作 贸易 出口 进口 关税 制裁 \
        能源 石油 天然气 电力 气候 天气 洪水 干旱 收成 农民 工人 工会 医院 卫生 医生 病人 疫苗 \
        学校 学生 教师 大学 法院 法官 审判 法律 权利 抗议 人群 广场 街头 晚上 早上 下午 \
        证实 否认 警告 敦促 呼吁 预计 新的 当地 全国 国际 地区性 中部 北部 南部 东部 西部 \
        第一 第二 最后 下一步 几个 许多 一些 所有 双方 其他 桥梁 铁路 机场 港口 船只 航班 \
        列车 公路 项目 计划 预算 基金 银行 贷款 债务 货币 美元 欧元 投资者 股票 公司 科技 \
        互联网 数据 隐私 网络 服务 用户 手机 应用 平台 规则 监管 委员会 审查 据报道 消息人士 \
        停火 谈判 特使 代表团 大使馆 大使 争端 岛屿 海岸 海上 河流 山区 村庄 城镇 省份 \
        边境 安全部队 武装分子 紧张 升级 主权 领土 完整 平民 儿童 妇女 死亡 受伤 营地 \
        并且 但是 或者 同时 尽管 因为 此外 然而 随后 此前 仍然 已经 正在 将会 可能 必须
        """)

    static let traditionalWords = words("""
        政府 官員 週五 週四 表示 宣佈 同意 緩和 局勢 外交 關係 部長 總統 總理 議會 選舉 投票 \
        經濟 市場 價格 通脹 增長 報告 本週 今年 國家 地區 城市 首都 民眾 警方 軍隊 襲擊 援助 \
        聲明 發言人 記者會 會議 峰會 領導人 合作 貿易 出口 進口 關稅 制裁 能源 電力 氣候 \
        天氣 洪水 乾旱 農民 工人 醫院 衛生 醫生 疫苗 學校 學生 教師 大學 法院 法官 審判 法律 \
        權利 抗議 人群 廣場 街頭 證實 否認 警告 敦促 呼籲 預計 當地 全國 國際 鐵路 機場 港口 \
        航班 項目 計劃 預算 銀行 貸款 債務 貨幣 投資者 公司 科技 互聯網 數據 隱私 網絡 服務 \
        用戶 手機 應用 平台 規則 監管 委員會 審查 據報道 消息人士 停火 談判 特使 代表團 \
        大使館 爭端 島嶼 海岸 邊境 緊張 升級 主權 領土 完整 平民 兒童 婦女 死亡 受傷 \
        並且 但是 或者 同時 儘管 因為 此外 然而 隨後 此前 仍然 已經 正在 將會 可能 必須
        """)

    static let names = words("""
        Anna_Keller Omar_Haddad Li_Wei Maria_Santos John_Park Sofia_Novak Ahmed_Karim \
        Elena_Petrova David_Osei Yuki_Tanaka Carlos_Mendez Fatima_Noor Peter_Lund Nadia_Rahman
        """).map { $0.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 } }

    static let emoji = words("🙂 🔥 📷 🇺🇳 🌧️ ⚡ 🗳️ 👀")

    private static func words(_ text: String) -> [[UInt8]] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) }
    }

    static func vocabulary(_ script: Script) -> [[UInt8]] {
        switch script {
        case .simplified: return simplifiedWords
        case .traditional: return traditionalWords
        case .english: return englishWords
        }
    }

    /// One sentence, appended to `out`. Chinese sentences use full-width
    /// punctuation and sometimes an English name in parentheses, as real
    /// Chinese-language news does.
    static func sentence(_ script: Script, _ rng: inout SplitMix64, into out: inout [UInt8]) {
        let vocabulary = vocabulary(script)
        switch script {
        case .simplified, .traditional:
            let count = rng.int(in: 6...16)
            let quoted = rng.chance(0.08)
            if quoted { out += Bytes.openQuote }
            for index in 0..<count {
                out += rng.pick(vocabulary)
                if index == 1 && rng.chance(0.1) {
                    out += Bytes.openParen; out += rng.pick(names); out += Bytes.closeParen
                } else if index == 2 && rng.chance(0.1) {
                    appendDecimal(rng.int(in: 1...12), into: &out); out += Bytes.month
                    appendDecimal(rng.int(in: 1...28), into: &out); out += Bytes.day
                } else if index < count - 1 && index % 5 == 4 {
                    out += Bytes.comma
                }
            }
            out += rng.chance(0.05) ? Bytes.question : Bytes.fullStop
            if quoted { out += Bytes.closeQuote }
        case .english:
            let count = rng.int(in: 8...24)
            for index in 0..<count {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                var word = index == 2 && rng.chance(0.1) ? rng.pick(names) : rng.pick(vocabulary)
                if index == 0, let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") {
                    word[0] = first - 32
                }
                out += word
                if index < count - 1 && index % 7 == 6 { out.append(UInt8(ascii: ",")) }
            }
            out.append(UInt8(ascii: "."))
        }
    }

    /// A headline of realistic length (Chinese 10–28 characters, English 6–14 words).
    static func headline(_ script: Script, _ rng: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        let vocabulary = vocabulary(script)
        switch script {
        case .simplified, .traditional:
            for index in 0..<rng.int(in: 5...11) {
                out += rng.pick(vocabulary)
                if index == 3 && rng.chance(0.3) { out += Bytes.comma }
            }
        case .english:
            for index in 0..<rng.int(in: 6...14) {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                var word = rng.pick(vocabulary)
                if let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { word[0] = first - 32 }
                out += word
            }
        }
        return out
    }

    /// Appends the decimal digits of `value` (≥ 0), zero-padded to `width`.
    static func appendDecimal(_ value: Int, width: Int = 1, into out: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        out += digits.reversed()
    }

    /// Full-width punctuation, encoded once.
    enum Bytes {
        static let openQuote = Array("“".utf8), closeQuote = Array("”".utf8)
        static let openParen = Array("（".utf8), closeParen = Array("）".utf8)
        static let comma = Array("，".utf8), fullStop = Array("。".utf8), question = Array("？".utf8)
        static let month = Array("月".utf8), day = Array("日".utf8)
    }
}
