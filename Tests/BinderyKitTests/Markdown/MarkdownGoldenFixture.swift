@testable import BinderyKit

/// A rich article body, shaped like the archive's news (a lead image with a
/// caption, lead text, paragraphs with `<br><br>`, Chinese and English,
/// links, a list, a quote, a table), for golden-output tests.
enum MarkdownGoldenFixture {
    typealias T = MarkdownTestTree

    static var body: [Node] {
        [
            T.el("figure", T.img("attachments/3f2a9c0d1e2b4a5c.jpg", alt: "抗议者在街头"), T.el("figcaption", T.t("资料照片：2024年1月19日，抗议者在街头。"))),
            T.t("美国国务院周五表示，"),
            T.el("strong", T.t("“高度关注”")),
            T.t("事态发展。"),
            T.p(T.t("第一段：发言人说，美方*不会*改变立场。"), T.el("br"), T.el("br"), T.t("第二段 with English words, a "),
                T.a("https://www.example.com/report_(2024)", T.t("report")), T.t(" and 50% growth.")),
            T.el("ul", T.el("li", T.t("1. 第一点")), T.el("li", T.t("# 第二点"), T.el("ul", T.el("li", T.t("细节"))))),
            T.el("blockquote", T.p(T.t("“We will not back down,” she said."))),
            T.el("table", T.el("tr", T.el("th", T.t("城市")), T.el("th", T.t("人数"))),
                 T.el("tr", T.el("td", T.t("台北")), T.el("td", T.t("1,200"))),
                 T.el("tr", T.el("td", T.t("New York")), T.el("td", T.t("300")))),
            T.p(T.t("更多报道见 "), T.a("https://www.example.com/more", T.t("https://www.example.com/more")), T.t("。")),
        ]
    }
}
