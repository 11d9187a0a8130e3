<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name />
    <message>
        <location filename="../canvas/tools.py" line="160" />
        <source>Resize</source>
        <translation>大きさを変更</translation>
    </message>
    <message>
        <location filename="../canvas/tools.py" line="184" />
        <source>Rotate</source>
        <translation>回転</translation>
    </message>
    <message>
        <location filename="../editor.py" line="68" />
        <location filename="../editor.py" line="322" />
        <location filename="../inspector.py" line="85" />
        <location filename="../inspector.py" line="88" />
        <location filename="../main_window.py" line="215" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../editor.py" line="76" />
        <location filename="../inspector.py" line="159" />
        <location filename="../main_window.py" line="217" />
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../editor.py" line="79" />
        <location filename="../main_window.py" line="218" />
        <source>Photo</source>
        <translation>顔写真</translation>
    </message>
    <message>
        <location filename="../editor.py" line="86" />
        <location filename="../inspector.py" line="213" />
        <location filename="../main_window.py" line="219" />
        <source>QR code</source>
        <translation>QR コード</translation>
    </message>
    <message>
        <location filename="../editor.py" line="89" />
        <location filename="../inspector.py" line="238" />
        <location filename="../main_window.py" line="220" />
        <source>Barcode</source>
        <translation>バーコード</translation>
    </message>
    <message>
        <location filename="../editor.py" line="92" />
        <location filename="../inspector.py" line="253" />
        <location filename="../inspector.py" line="258" />
        <location filename="../main_window.py" line="221" />
        <source>Shape</source>
        <translation>図形</translation>
    </message>
    <message>
        <location filename="../editor.py" line="94" />
        <location filename="../inspector.py" line="280" />
        <location filename="../main_window.py" line="222" />
        <source>Border</source>
        <translation>飾り枠</translation>
    </message>
    <message>
        <location filename="../editor.py" line="197" />
        <source>Add %s</source>
        <translation>%s を追加</translation>
    </message>
    <message>
        <location filename="../editor.py" line="243" />
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <location filename="../editor.py" line="253" />
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../editor.py" line="276" />
        <source>Change %s</source>
        <translation>%s を変更</translation>
    </message>
    <message>
        <location filename="../editor.py" line="283" />
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../editor.py" line="297" />
        <source>Align</source>
        <translation>整列</translation>
    </message>
    <message>
        <location filename="../editor.py" line="309" />
        <source>Distribute</source>
        <translation>等間隔に配置</translation>
    </message>
    <message>
        <location filename="../editor.py" line="328" />
        <source>Insert field</source>
        <translation>差し込み項目を挿入</translation>
    </message>
    <message>
        <location filename="../editor.py" line="383" />
        <source>Page size</source>
        <translation>用紙サイズ</translation>
    </message>
    <message>
        <location filename="../editor.py" line="389" />
        <source>Add guide</source>
        <translation>ガイドを追加</translation>
    </message>
    <message>
        <location filename="../editor.py" line="396" />
        <location filename="../main_window.py" line="193" />
        <source>Clear guides</source>
        <translation>ガイドを消去</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="68" />
        <source>Position and size</source>
        <translation>位置と大きさ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="71" />
        <location filename="../inspector.py" line="522" />
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="72" />
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="73" />
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="74" />
        <location filename="../inspector.py" line="525" />
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="75" />
        <location filename="../inspector.py" line="526" />
        <source>Height</source>
        <translation>高さ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="76" />
        <source>Rotation</source>
        <translation>回転</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="78" />
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="80" />
        <location filename="../layers.py" line="45" />
        <source>Locked</source>
        <translation>ロック</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="81" />
        <source>Visible</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="89" />
        <source>Font</source>
        <translation>フォント</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="91" />
        <location filename="../inspector.py" line="523" />
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="93" />
        <source>Bold</source>
        <translation>太字</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="94" />
        <location filename="../inspector.py" line="231" />
        <location filename="../inspector.py" line="249" />
        <location filename="../inspector.py" line="295" />
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="97" />
        <source>Alignment</source>
        <translation>揃え</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="100" />
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="101" />
        <source>Centre</source>
        <translation>中央</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="102" />
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="103" />
        <source>Justify</source>
        <translation>両端揃え</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="104" />
        <source>Distribute (均等割付)</source>
        <translation>均等割付</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="109" />
        <source>Vertical alignment</source>
        <translation>縦の揃え</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="111" />
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="111" />
        <source>Middle</source>
        <translation>中央</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="111" />
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="115" />
        <source>Writing</source>
        <translation>書字方向</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="117" />
        <source>Horizontal</source>
        <translation>横書き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="117" />
        <source>Vertical (縦書き)</source>
        <translation>縦書き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="121" />
        <location filename="../inspector.py" line="166" />
        <source>Fit</source>
        <translation>合わせ方</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="124" />
        <source>Wrap lines</source>
        <translation>折り返す</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="125" />
        <source>Shrink to fit</source>
        <translation>縮小して収める</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="126" />
        <source>Single line</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="131" />
        <source>Smallest size</source>
        <translation>最小サイズ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="139" />
        <source>Line height</source>
        <translation>行の高さ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="148" />
        <source>Letter spacing</source>
        <translation>字間</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="162" />
        <source>Picture</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="163" />
        <source>Photo field</source>
        <translation>写真の項目</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="169" />
        <source>Fit inside</source>
        <translation>枠内に収める</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="170" />
        <source>Fill and crop</source>
        <translation>全体を覆う (切り抜き)</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="171" />
        <source>Stretch</source>
        <translation>引き伸ばす</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="176" />
        <source>Crop left</source>
        <translation>左を切り抜き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="185" />
        <source>Crop top</source>
        <translation>上を切り抜き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="194" />
        <source>Crop right</source>
        <translation>右を切り抜き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="203" />
        <source>Crop bottom</source>
        <translation>下を切り抜き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="216" />
        <location filename="../inspector.py" line="247" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="219" />
        <source>Error correction</source>
        <translation>誤り訂正</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="225" />
        <source>Quiet zone</source>
        <translation>余白 (クワイエットゾーン)</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="229" />
        <source> modules</source>
        <translation> モジュール</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="232" />
        <location filename="../inspector.py" line="529" />
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="233" />
        <source>Caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="234" />
        <source>Caption size</source>
        <translation>キャプションの大きさ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="243" />
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="248" />
        <source>Show digits</source>
        <translation>数字を表示</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="260" />
        <source>Rectangle</source>
        <translation>四角形</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="260" />
        <source>Ellipse</source>
        <translation>楕円</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="260" />
        <source>Line</source>
        <translation>線</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="262" />
        <source>Fill</source>
        <translation>塗り</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="263" />
        <source>Outline</source>
        <translation>線</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="266" />
        <source>Outline width</source>
        <translation>線の太さ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="275" />
        <source>Corner radius</source>
        <translation>角の丸み</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="285" />
        <source>Pattern</source>
        <translation>模様</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="288" />
        <source>Classic</source>
        <translation>クラシック</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="289" />
        <source>Guilloche</source>
        <translation>地紋</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="290" />
        <source>Wave</source>
        <translation>波</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="291" />
        <source>Corners</source>
        <translation>四隅</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="292" />
        <source>Double line</source>
        <translation>二重線</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="296" />
        <source>Second colour</source>
        <translation>第二の色</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="299" />
        <source>Line width</source>
        <translation>線の太さ</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="308" />
        <source>Density</source>
        <translation>密度</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="310" />
        <source>Inset</source>
        <translation>内側の余白</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="330" />
        <location filename="../inspector.py" line="430" />
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="362" />
        <source>Select an element on the page to change it.</source>
        <translation>ページ上の要素を選ぶと、ここで変更できます。</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="455" />
        <source>Insert field…</source>
        <translation>差し込み項目を挿入…</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="469" />
        <location filename="../settings_dialog.py" line="67" />
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="489" />
        <source>Page</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="496" />
        <source>Custom</source>
        <translation>ユーザー定義</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="500" />
        <source>Portrait</source>
        <translation>縦</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="501" />
        <source>Landscape</source>
        <translation>横</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="524" />
        <source>Orientation</source>
        <translation>向き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="527" />
        <source>Bleed</source>
        <translation>塗り足し</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="528" />
        <source>Safe margin</source>
        <translation>安全領域</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="586" />
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="633" />
        <source>Choose a picture</source>
        <translation>画像を選択</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="633" />
        <source>Pictures (*.png *.jpg *.jpeg *.svg)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="45" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="47" />
        <source>cancelled: no PIN given</source>
        <translation>中止しました: PIN が入力されていません</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="81" />
        <source>What to issue</source>
        <translation>発行する内容</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="83" />
        <source>Each person in the roster gets a signed credential and a PDF with a QR seal.</source>
        <translation>名簿の一人ひとりに、署名付きの証明データと QR 印影入りの PDF を作ります。</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="88" />
        <source>All rows (or e.g. 2-10,15)</source>
        <translation>すべての行 (例: 2-10,15)</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="90" />
        <source>Issuer profile JSON file or saved profile name</source>
        <translation>発行者プロファイルの JSON ファイルまたは保存済みの名前</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="95" />
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="96" />
        <location filename="../main_window.py" line="94" />
        <source>Roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="97" />
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="98" />
        <location filename="../settings_dialog.py" line="83" />
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="99" />
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="100" />
        <source>Output folder</source>
        <translation>出力フォルダー</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="106" />
        <source>Choose a file</source>
        <translation>ファイルを選択</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="112" />
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="126" />
        <source>Issuing</source>
        <translation>発行中</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="133" />
        <source>Cancel issuing</source>
        <translation>発行を中止</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="135" />
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="168" />
        <source>Issue certificates</source>
        <translation>証書の発行</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="263" />
        <source>Stopping after the current group of records…</source>
        <translation>処理中のまとまりが終わったら停止します…</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="270" />
        <source>%1 of %2 done</source>
        <translation>%2 件中 %1 件完了</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="275" />
        <source>, about %1 s left</source>
        <translation>、残り約 %1 秒</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="277" />
        <source>%1 per second</source>
        <translation>毎秒 %1 件</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="286" />
        <source>Batch %1 finished: %2 issued. Files are in %3.</source>
        <translation>バッチ %1 完了: %2 件発行しました。ファイルの場所: %3</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="289" />
        <source>Batch %1 stopped: %2 done. Open the wizard again to resume it. Files are in %3.</source>
        <translation>バッチ %1 を中断しました: %2 件完了。もう一度ウィザードを開くと再開できます。ファイルの場所: %3</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="303" />
        <source>Issuing stopped: %1</source>
        <translation>発行を停止しました: %1</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="321" />
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../layers.py" line="45" />
        <source>Element</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../layers.py" line="45" />
        <source>Shown</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../layers.py" line="55" />
        <location filename="../main_window.py" line="164" />
        <source>Bring to front</source>
        <translation>最前面へ</translation>
    </message>
    <message>
        <location filename="../layers.py" line="56" />
        <location filename="../main_window.py" line="165" />
        <source>Bring forward</source>
        <translation>前面へ</translation>
    </message>
    <message>
        <location filename="../layers.py" line="57" />
        <location filename="../main_window.py" line="166" />
        <source>Send backward</source>
        <translation>背面へ</translation>
    </message>
    <message>
        <location filename="../layers.py" line="58" />
        <location filename="../main_window.py" line="167" />
        <source>Send to back</source>
        <translation>最背面へ</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="87" />
        <source>Inspector</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="90" />
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152" />
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153" />
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155" />
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156" />
        <source>Open &amp;roster…</source>
        <translation>名簿を開く(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158" />
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159" />
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160" />
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161" />
        <source>&amp;Duplicate</source>
        <translation>複製(&amp;D)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162" />
        <source>De&amp;lete</source>
        <translation>削除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163" />
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178" />
        <source>Zoom to &amp;fit</source>
        <translation>全体を表示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="181" />
        <source>Actual size (100%)</source>
        <translation>実寸 (100%)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189" />
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>Snap to &amp;grid (1 mm)</source>
        <translation>グリッドに合わせる (1 mm)(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>&amp;Smart guides</source>
        <translation>スマートガイド(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194" />
        <source>Add &amp;back side</source>
        <translation>裏面を追加(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>Previous record</source>
        <translation>前の人</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196" />
        <source>Next record</source>
        <translation>次の人</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200" />
        <source>Align left</source>
        <translation>左揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201" />
        <source>Align centres horizontally</source>
        <translation>左右中央揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202" />
        <source>Align right</source>
        <translation>右揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="203" />
        <source>Align top</source>
        <translation>上揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204" />
        <source>Align middles vertically</source>
        <translation>上下中央揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205" />
        <source>Align bottom</source>
        <translation>下揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209" />
        <source>Distribute horizontally</source>
        <translation>左右に等間隔</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212" />
        <source>Distribute vertically</source>
        <translation>上下に等間隔</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216" />
        <location filename="../roster_panel.py" line="312" />
        <source>Field</source>
        <translation>差し込み項目</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228" />
        <source>Click or drag on the page to add: %1</source>
        <translation>ページをクリックまたはドラッグして追加: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235" />
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238" />
        <location filename="../main_window.py" line="440" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241" />
        <location filename="../main_window.py" line="443" />
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250" />
        <source>&amp;Insert</source>
        <translation>挿入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="253" />
        <source>&amp;Arrange</source>
        <translation>配置(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="276" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="296" />
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="298" />
        <source>&amp;Issue certificates…</source>
        <translation>証書を発行(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="301" />
        <source>&amp;Verify a certificate…</source>
        <translation>証書を検証(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304" />
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306" />
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="318" />
        <source>Arrange</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335" />
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="347" />
        <source>Save first</source>
        <translation>先に保存してください</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348" />
        <source>Save the template before issuing: each batch records the exact design.</source>
        <translation>発行の前にテンプレートを保存してください。バッチごとに使ったデザインを正確に記録します。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="359" />
        <source>Unfinished batch</source>
        <translation>未完了のバッチ</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="360" />
        <source>Batch %1 was not finished. Resume it now?</source>
        <translation>バッチ %1 が完了していません。今すぐ再開しますか?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="440" />
        <source>&amp;Undo %1</source>
        <translation>元に戻す: %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="443" />
        <source>&amp;Redo %1</source>
        <translation>やり直し: %1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="460" />
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="473" />
        <source>Cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="486" />
        <source>Open template</source>
        <translation>テンプレートを開く</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="507" />
        <source>Save template</source>
        <translation>テンプレートを保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="516" />
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="519" />
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="528" />
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="529" />
        <source>Save the changes to “%1” before closing it?</source>
        <translation>閉じる前に「%1」の変更を保存しますか?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="556" />
        <source>Cannot open the roster</source>
        <translation>名簿を開けません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="562" />
        <source>Open roster</source>
        <translation>名簿を開く</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="583" />
        <source>Front</source>
        <translation>表面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="583" />
        <source>Back</source>
        <translation>裏面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="635" />
        <source>Recover unsaved work</source>
        <translation>保存されていない作業の復元</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="636" />
        <source>Shosho closed before “%1” was saved. Recover the autosaved copy?</source>
        <translation>「%1」を保存する前に Shosho が終了しました。自動保存されたコピーを復元しますか?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="645" />
        <source>Cannot recover</source>
        <translation>復元できません</translation>
    </message>
    <message>
        <location filename="../preview.py" line="31" />
        <source>Preview records</source>
        <translation>名簿でプレビュー</translation>
    </message>
    <message>
        <location filename="../preview.py" line="33" />
        <source>Show each person's real values on the page</source>
        <translation>一人ひとりの実際の値をページに表示します</translation>
    </message>
    <message>
        <location filename="../preview.py" line="36" />
        <source>Previous record (Page Up)</source>
        <translation>前の人 (Page Up)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="39" />
        <source>Next record (Page Down)</source>
        <translation>次の人 (Page Down)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="45" />
        <source>Find name or student number</source>
        <translation>氏名・学籍番号で検索</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="289" />
        <source>No roster open. Use File ▸ Open roster… to load a CSV or Excel file.</source>
        <translation>名簿が開かれていません。「ファイル ▸ 名簿を開く…」で CSV または Excel ファイルを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="304" />
        <source>Drag a column onto the page to place its field</source>
        <translation>列をページへドラッグすると差し込み項目を配置します</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="312" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="316" />
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="317" />
        <source>Columns → fields</source>
        <translation>列 → 項目</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="346" />
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="352" />
        <source>%1: %2 people · %3 errors · %4 warnings%5</source>
        <translation>%1: %2 人 · エラー %3 件 · 警告 %4 件%5</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="409" />
        <source>(not used)</source>
        <translation>(使わない)</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="425" />
        <source>row %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="77" />
        <source>Empty: SQLite file in the data folder</source>
        <translation>空欄: データフォルダーの SQLite ファイル</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79" />
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85" />
        <source>Name (Japanese)</source>
        <translation>名称 (日本語)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="86" />
        <source>Name (English)</source>
        <translation>名称 (英語)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="87" />
        <source>Web address</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="88" />
        <source>Logo</source>
        <translation>ロゴ</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="89" />
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="91" />
        <source>Default font</source>
        <translation>既定のフォント</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="92" />
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93" />
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94" />
        <source>A new language applies the next time Shosho starts.</source>
        <translation>言語の変更は次回の起動から反映されます。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="109" />
        <source>Choose a logo</source>
        <translation>ロゴを選択</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="109" />
        <source>Pictures (*.png *.svg *.jpg)</source>
        <translation>画像 (*.png *.svg *.jpg)</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="34" />
        <source>A4 portrait</source>
        <translation>A4 縦</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="35" />
        <source>A4 landscape</source>
        <translation>A4 横</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="36" />
        <source>A3 landscape (賞状)</source>
        <translation>A3 横 (賞状)</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="37" />
        <source>B5 portrait</source>
        <translation>B5 縦</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="38" />
        <source>Letter portrait</source>
        <translation>レター 縦</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="39" />
        <source>ID card (CR80)</source>
        <translation>学生証 (CR80)</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="61" />
        <source>Shosho — certificates and student-ID cards</source>
        <translation>Shosho — 証書と学生証</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="67" />
        <source>Start from a built-in design, a blank page, or a file you made before.</source>
        <translation>用意されたデザイン、白紙、または以前に作ったファイルから始めます。</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="103" />
        <source>No recent files yet</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="111" />
        <source>Open a file…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="115" />
        <source>Built-in designs</source>
        <translation>用意されたデザイン</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="117" />
        <source>Blank page</source>
        <translation>白紙から</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="120" />
        <source>Recent files</source>
        <translation>最近使ったファイル</translation>
    </message>
    <message>
        <location filename="../undo.py" line="35" />
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../undo.py" line="53" />
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../undo.py" line="82" />
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../undo.py" line="114" />
        <source>Change order</source>
        <translation>重なり順を変更</translation>
    </message>
    <message>
        <location filename="../undo.py" line="131" />
        <source>Change page</source>
        <translation>用紙を変更</translation>
    </message>
    <message>
        <location filename="../undo.py" line="145" />
        <source>Change background</source>
        <translation>背景を変更</translation>
    </message>
    <message>
        <location filename="../undo.py" line="162" />
        <source>Add side</source>
        <translation>面を追加</translation>
    </message>
    <message>
        <location filename="../undo.py" line="175" />
        <source>Remove side</source>
        <translation>面を削除</translation>
    </message>
    <message>
        <location filename="../undo.py" line="199" />
        <source>Add image</source>
        <translation>画像を追加</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="30" />
        <source>Verify a certificate — Shosho</source>
        <translation>証書の検証 — Shosho</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="35" />
        <source>Drop a certificate PDF, a badge image (PNG/SVG), a credential JSON
or a photo or scan of the QR code here</source>
        <translation>証書の PDF、バッジ画像 (PNG/SVG)、証明データの JSON、
または QR コードの写真やスキャンをここにドロップ</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="44" />
        <source>Choose a file…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="47" />
        <source>…or paste the text of the QR code</source>
        <translation>…または QR コードの文字列を貼り付け</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="71" />
        <source>Choose what to verify</source>
        <translation>検証するものを選択</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="73" />
        <source>Certificates (*.pdf *.png *.svg *.json *.jwt *.jpg *.jpeg);;All files (*)</source>
        <translation>証書 (*.pdf *.png *.svg *.json *.jwt *.jpg *.jpeg);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="96" />
        <source>Cannot verify</source>
        <translation>検証できません</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="102" />
        <source>Genuine: signed by a trusted issuer</source>
        <translation>本物です: 信頼できる発行者の署名があります</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="103" />
        <source>Signature valid, but the issuer is not in your trust list</source>
        <translation>署名は正しいが、発行者が信頼リストにありません</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="104" />
        <source>Not valid</source>
        <translation>無効です</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <location filename="../canvas/view.py" line="198" />
        <source>Add field</source>
        <translation>差し込み項目を追加</translation>
    </message>
</context>
<context>
    <name>Ruler</name>
    <message>
        <location filename="../canvas/view.py" line="215" />
        <source>Drag onto the page to add a guide</source>
        <translation>ページへドラッグしてガイドを追加</translation>
    </message>
</context>
</TS>