/// A body with every kind of noise FORMAT.md lists ("Embeds and noise",
/// "Characters"), built from pieces that each state the text a reader must
/// still see afterwards (boilerplate and code contribute nothing; embeds
/// contribute their replacement link).
enum MarkupTagSoupFixture {
    static let articleURL = "https://www.example.com/news/2024/story.html"

    static let pieces: [(html: String, visibleText: String)] = [
        ("<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>", ""),
        ("<img src=\"https://images.weserv.nl?url=cdn.example.com/lead.jpg\" width=\"100%\" style=\"x\">", ""),
        ("<div><small style=\"color: #999;\">Lead caption &amp; credit</small></div>", "Lead caption & credit"),
        ("Dateline — <p>First paragraph&nbsp;with\u{00A0}spaces\u{200B} and emoji 😀.<br /><br />Second paragraph.<br>Same paragraph, new line.\r\nWith CR.</p>",
         "Dateline — First paragraph with spaces and emoji 😀.Second paragraph.Same paragraph, new line.With CR."),
        ("<style>.x { color: red }</style><script>var a = '<p>not text</p>';</script>", ""),
        ("<p class=\"lead\" style=\"color:red\" onclick=\"evil()\" align=\"center\">Styled <font face=\"Arial\" color=\"red\">font</font> <center>centred</center> <tt>mono</tt> <strike>old</strike> <big>big</big> <small>small</small> <u>under</u> <acronym title=\"North Atlantic\">NATO</acronym></p>",
         "Styled font centred mono old big small under NATO"),
        ("<p>Links: <a href=\"javascript:alert(1)\">js</a>, <a href=\"/root/page\">root</a>, <a href=\"//cdn.example.org/x\">proto</a>, <a href=\"rel/page.html\">relative</a>, <a href=\"data:text/html,hi\">data</a>, <a href=\"#section-2\">jump</a>, <a href=\"#nowhere\">dangling</a>, <a href=\"mailto:desk@example.com\">mail</a>, <a href=\"ftp://x\">ftp</a>, <a href=\"https://x.example/a b\">spaced</a><a href=\"https://x.example\"></a></p>",
         "Links: js, root, proto, relative, data, jump, dangling, mail, ftp, spaced"),
        ("<h1>Heading one</h1><h2 id=\"section-2\">Section 2</h2><h2 id=\"section-2\">Duplicate id</h2><p id=\"1st\">Digit id</p>", "Heading oneSection 2Duplicate idDigit id"),
        ("<table border=\"1\" cellpadding=\"2\" cellspacing=\"0\" width=\"80%\"><tr><td valign=\"top\" nowrap bgcolor=\"#fff\">Cell A</td><td>Cell B</td></tr>stray table text<tr><th>Head</th></tr></table>",
         "stray table textCell ACell BHead"),
        ("<ul>loose item<li>Item one<li>Item two</ul><ol><li>First</li><p>para in list</p></ol>", "loose itemItem oneItem twoFirstpara in list"),
        ("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0\" frameborder=\"0\" allowfullscreen></iframe>", "▶ Video: youtube.com"),
        ("<iframe src=\"https://www.facebook.com/plugins/post.php?href=x\"></iframe>", "▶ Embedded page: facebook.com"),
        ("<video poster=\"/posters/clip.jpg\" controls><source src=\"https://media.example.com/clip.mp4\" type=\"video/mp4\">Your browser does not support video.</video>", "▶ Video: media.example.com"),
        ("<audio controls src=\"blob:xyz\"></audio>", "▶ Audio: example.com"),
        ("<noscript><p>Please enable JavaScript.</p></noscript>", ""),
        ("<img class=\"lazy\" src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" data-src=\"https://cdn.example.com/lazy.jpg\" alt=\"Lazy\"><noscript><img src=\"https://cdn.example.com/lazy.jpg\"></noscript>", ""),
        ("<img srcset=\"https://cdn.example.com/s.jpg 480w, https://cdn.example.com/m.jpg 1200w, https://cdn.example.com/l.jpg 2400w\" src=\"https://cdn.example.com/s.jpg\" title=\"Sized\" width=\"640\" height=\"auto\">", ""),
        ("<picture><source type=\"image/webp\" srcset=\"https://cdn.example.com/p.webp\"><source type=\"image/jpeg\" srcset=\"https://cdn.example.com/p.jpg 1x, https://cdn.example.com/p@2x.jpg 2x\"><img src=\"https://cdn.example.com/p-small.jpg\" alt=\"Pictured\"></picture>", ""),
        ("<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAwAAAAICAIAAABChommAAABM0lEQVR4AQEoAdf+AAAHDhUcIyoxOD9GTVRbYmlwd36FjJOaoaivtr3Ey9LZ4Ofu9QADChEYHyYtNDtCSVBXXmVsc3qBiI+WnaSrsrnAx87V3OPq8fgABg0UGyIpMDc+RUxTWmFob3Z9hIuSmaCnrrW8w8rR2N/m7fT7AAkQFx4lLDM6QUhPVl1ka3J5gIeOlZyjqrG4v8bN1Nvi6fD3/gAMExohKC82PURLUllgZ251fIOKkZifpq20u8LJ0Nfe5ezz+gEADxYdJCsyOUBHTlVcY2pxeH+GjZSboqmwt77FzNPa4ejv9v0EABIZICcuNTxDSlFYX2ZtdHuCiZCXnqWss7rByM/W3eTr8vkABwAVHCMqMTg/Rk1UW2JpcHd+hYyTmqGor7a9xMvS2eDn7vX8AwqZ2Y+hNqw+qQAAAABJRU5ErkJggg==\" alt=\"Inline PNG\">", ""),
        ("<img src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\" alt=\"SVG placeholder alt\">", "SVG placeholder alt"),
        ("<svg width=\"10\" height=\"10\"><circle r=\"4\"/><text>svg label</text></svg>", ""),
        ("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Tweet text here <a href=\"https://t.co/abc\">pic.twitter.com/abc</a></p>&mdash; Someone (@someone) <a href=\"https://twitter.com/someone/status/1?ref_src=twsrc\">January 19, 2024</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
         "Tweet text here pic.twitter.com/abc— Someone (@someone) January 19, 2024"),
        ("<figure class=\"wp-block-image size-large\"><a href=\"https://cdn.example.com/full.jpg\"><img src=\"//cdn.example.com/wp.jpg\" class=\"wp-image-1\" loading=\"lazy\"></a><figcaption class=\"wp-element-caption\">WordPress caption</figcaption></figure>", "WordPress caption"),
        ("<form action=\"/subscribe\"><label for=\"e\">Email</label><input id=\"e\" type=\"email\"><button type=\"submit\">Subscribe</button><select><option>One</option></select><textarea>Typed</textarea></form>", "EmailSubscribeOneTyped"),
        ("<p>Span soup <span style=\"font-weight:bold\">bold <div>block in span</div> tail</span> end</b></i></p></div>", "Span soup bold block in span tail end"),
        ("<p>Misnested <b>bold <i>both</b> italic</i> plain<o:p></o:p> <custom-tag data-x=\"1\">custom</custom-tag> <blink>blink</blink></p>", "Misnested bold both italic plain custom blink"),
        ("<p><a name=\"anchor\">Anchor target</a> and <a href=\"#anchor\">link to it</a> &copy; &lt;tag&gt; &#x4E2D;&#25991;</p>", "Anchor target and link to it © <tag> 中文"),
        ("Trailing loose text<br><br>after breaks", "Trailing loose textafter breaks"),
        ("<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a><br><a href=\"https://feedx.site\">https://feedx.site</a></div>", ""),
    ]

    static var html: String { pieces.map(\.html).joined() }
    static var visibleText: String { pieces.map(\.visibleText).joined() }
}
