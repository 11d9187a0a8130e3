<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name />
    <message>
        <location filename="../canvas/tools.py" line="186" />
        <source>Resize</source>
        <translation>大きさを変更</translation>
    </message>
    <message>
        <location filename="../canvas/tools.py" line="210" />
        <source>Rotate</source>
        <translation>回転</translation>
    </message>
    <message>
        <location filename="../editor.py" line="89" />
        <location filename="../editor.py" line="362" />
        <location filename="../inspector.py" line="85" />
        <location filename="../inspector.py" line="88" />
        <location filename="../main_window.py" line="248" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../editor.py" line="104" />
        <location filename="../inspector.py" line="159" />
        <location filename="../main_window.py" line="250" />
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../editor.py" line="107" />
        <location filename="../field_labels.py" line="27" />
        <location filename="../main_window.py" line="251" />
        <source>Photo</source>
        <translation>顔写真</translation>
    </message>
    <message>
        <location filename="../editor.py" line="114" />
        <location filename="../inspector.py" line="213" />
        <location filename="../main_window.py" line="252" />
        <source>QR code</source>
        <translation>QR コード</translation>
    </message>
    <message>
        <location filename="../editor.py" line="117" />
        <location filename="../inspector.py" line="238" />
        <location filename="../main_window.py" line="253" />
        <source>Barcode</source>
        <translation>バーコード</translation>
    </message>
    <message>
        <location filename="../editor.py" line="120" />
        <location filename="../inspector.py" line="253" />
        <location filename="../inspector.py" line="258" />
        <location filename="../main_window.py" line="254" />
        <source>Shape</source>
        <translation>図形</translation>
    </message>
    <message>
        <location filename="../editor.py" line="122" />
        <location filename="../inspector.py" line="280" />
        <location filename="../main_window.py" line="255" />
        <source>Border</source>
        <translation>飾り枠</translation>
    </message>
    <message>
        <location filename="../editor.py" line="174" />
        <source>Cannot save %1: the folder %2 does not exist.</source>
        <translation>%1 を保存できません: フォルダー %2 がありません。</translation>
    </message>
    <message>
        <location filename="../editor.py" line="231" />
        <source>Add %s</source>
        <translation>%s を追加</translation>
    </message>
    <message>
        <location filename="../editor.py" line="283" />
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <location filename="../editor.py" line="293" />
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../editor.py" line="316" />
        <source>Change %s</source>
        <translation>%s を変更</translation>
    </message>
    <message>
        <location filename="../editor.py" line="323" />
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../editor.py" line="337" />
        <source>Align</source>
        <translation>整列</translation>
    </message>
    <message>
        <location filename="../editor.py" line="349" />
        <source>Distribute</source>
        <translation>等間隔に配置</translation>
    </message>
    <message>
        <location filename="../editor.py" line="368" />
        <location filename="../inspector.py" line="461" />
        <source>Insert field</source>
        <translation>差し込み項目を挿入</translation>
    </message>
    <message>
        <location filename="../editor.py" line="423" />
        <source>Page size</source>
        <translation>用紙サイズ</translation>
    </message>
    <message>
        <location filename="../editor.py" line="429" />
        <source>Add guide</source>
        <translation>ガイドを追加</translation>
    </message>
    <message>
        <location filename="../editor.py" line="436" />
        <location filename="../main_window.py" line="226" />
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
        <location filename="../inspector.py" line="556" />
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
        <location filename="../inspector.py" line="559" />
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="75" />
        <location filename="../inspector.py" line="560" />
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
        <location filename="../inspector.py" line="557" />
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
        <location filename="../inspector.py" line="563" />
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
        <location filename="../keys_window.py" line="116" />
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
        <source>A roster field to put at the cursor</source>
        <translation>カーソル位置に入れる名簿の項目</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="460" />
        <source>How the field is printed</source>
        <translation>項目の印刷のしかた</translation>
    </message>
    <message>
        <source>Insert field…</source>
        <translation>差し込み項目を挿入…</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="486" />
        <location filename="../issuer_form.py" line="111" />
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="517" />
        <source>Page</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="524" />
        <source>Custom</source>
        <translation>ユーザー定義</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="526" />
        <source>B4 (JIS)</source>
        <translation>B4（JIS）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="527" />
        <source>B5 (JIS)</source>
        <translation>B5（JIS）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="528" />
        <source>Card (CR80, 85.6 × 54 mm)</source>
        <translation>カード（CR80、85.6 × 54 mm）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="529" />
        <source>Square (100 × 100 mm)</source>
        <translation>正方形（100 × 100 mm）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="534" />
        <source>Portrait</source>
        <translation>縦</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="535" />
        <source>Landscape</source>
        <translation>横</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="558" />
        <source>Orientation</source>
        <translation>向き</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="561" />
        <source>Bleed</source>
        <translation>塗り足し</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="562" />
        <source>Safe margin</source>
        <translation>安全領域</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="620" />
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="666" />
        <source>Choose a picture</source>
        <translation>画像を選択</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="666" />
        <source>Pictures (*.png *.jpg *.jpeg *.svg)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="64" />
        <source>Repeat</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="80" />
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="100" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="100" />
        <location filename="../pin_dialog.py" line="114" />
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="104" />
        <source>cancelled: no PIN given</source>
        <translation>中止しました: PIN が入力されていません</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="115" />
        <source>New passphrase</source>
        <translation>新しいパスフレーズ</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="114" />
        <source>What to issue</source>
        <translation>発行する内容</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="116" />
        <source>Each person in the roster gets a signed credential and a PDF with a QR seal.</source>
        <translation>名簿の一人ひとりに、署名付きの証明データと QR 印影入りの PDF を作ります。</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="121" />
        <source>All rows (or e.g. 2-10,15)</source>
        <translation>すべての行 (例: 2-10,15)</translation>
    </message>
    <message>
        <source>Issuer profile JSON file or saved profile name</source>
        <translation>発行者プロファイルの JSON ファイルまたは保存済みの名前</translation>
    </message>
    <message>
        <source>The default comes from Tools &gt; Settings &gt; Issuer profile file</source>
        <translation>既定値は「ツール &gt; 設定 &gt; 発行者プロファイル」から読み込みます</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="124" />
        <source>Issuers are set up with “New issuer…” (Tools ▸ Issuer)</source>
        <translation>発行者は「新しい発行者…」（ツール ▸ 発行者）で設定します</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="125" />
        <source>New issuer…</source>
        <translation>新しい発行者…</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="127" />
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="136" />
        <location filename="../issuer_form.py" line="123" />
        <source>Made or chosen in Tools ▸ Keys and tokens</source>
        <translation>ツール ▸ 鍵とトークン で作成・選択します</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="140" />
        <source>e.g. 地域データ活用講座 修了</source>
        <translation>例: 地域データ活用講座 修了</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="146" />
        <source>Sign each PDF with the key's certificate (PAdES)</source>
        <translation>各 PDF に鍵の証明書で電子署名する (PAdES)</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="149" />
        <source>PDF readers then show who signed the certificate. Needs a P-256 or RSA token key with a certificate: see docs/pdf-signatures.md</source>
        <translation>PDF リーダーで証書の署名者が表示されます。証明書付きの P-256 または RSA のトークン鍵が必要です（docs/pdf-signatures.md を参照）</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="153" />
        <location filename="../issue_wizard.py" line="330" />
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="154" />
        <location filename="../issue_wizard.py" line="331" />
        <location filename="../main_window.py" line="114" />
        <source>Roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="155" />
        <location filename="../issue_wizard.py" line="332" />
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="156" />
        <location filename="../issue_wizard.py" line="283" />
        <location filename="../issue_wizard.py" line="333" />
        <location filename="../issuer_form.py" line="92" />
        <location filename="../messages.py" line="249" />
        <location filename="../settings_dialog.py" line="78" />
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="157" />
        <location filename="../issue_wizard.py" line="334" />
        <location filename="../keys_window.py" line="116" />
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="158" />
        <location filename="../issue_wizard.py" line="335" />
        <source>Output folder</source>
        <translation>出力フォルダー</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="181" />
        <source>(choose an issuer)</source>
        <translation>（発行者を選んでください）</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="238" />
        <location filename="../ob2_import.py" line="150" />
        <source>Choose a file</source>
        <translation>ファイルを選ぶ</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="244" />
        <location filename="../ob2_import.py" line="155" />
        <source>Choose a folder</source>
        <translation>フォルダーを選ぶ</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="251" />
        <source>a template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="252" />
        <source>a roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="253" />
        <source>an issuer (or set one up with New issuer…)</source>
        <translation>発行者（「新しい発行者…」で設定できます）</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="254" />
        <source>a signing key</source>
        <translation>署名する鍵</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="255" />
        <source>an output folder</source>
        <translation>保存先フォルダー</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="258" />
        <source>the achievement name</source>
        <translation>講座・資格名</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="264" />
        <source>Next is available once you give: %1.</source>
        <translation>次の項目を入力すると「次へ」を押せます: %1</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="264" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="318" />
        <source>Check before issuing</source>
        <translation>発行前の確認</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="319" />
        <source>Issuing signs each credential; it cannot be undone, only revoked.</source>
        <translation>発行すると各証明書に署名します。取り消しはできず、失効のみ可能です。</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="332" />
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="346" />
        <source>Issuing</source>
        <translation>発行中</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="353" />
        <source>Cancel issuing</source>
        <translation>発行を中止</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="355" />
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="389" />
        <source>Issue certificates</source>
        <translation>証書の発行</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="504" />
        <source>Stopping after the current group of records…</source>
        <translation>処理中のまとまりが終わったら停止します…</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="511" />
        <source>%1 of %2 done</source>
        <translation>%2 件中 %1 件完了</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="516" />
        <source>, about %1 s left</source>
        <translation>、残り約 %1 秒</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="518" />
        <source>%1 per second</source>
        <translation>毎秒 %1 件</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="527" />
        <source>Batch %1 finished: %2 issued. Files are in %3.</source>
        <translation>バッチ %1 完了: %2 件発行しました。ファイルの場所: %3</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="530" />
        <source>Batch %1 stopped: %2 done. Open the wizard again to resume it. Files are in %3.</source>
        <translation>バッチ %1 を中断しました: %2 件完了。もう一度ウィザードを開くと再開できます。ファイルの場所: %3</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="544" />
        <source>Issuing stopped: %1</source>
        <translation>発行を停止しました: %1</translation>
    </message>
    <message>
        <location filename="../issue_wizard.py" line="570" />
        <location filename="../keys_window.py" line="96" />
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
        <location filename="../main_window.py" line="197" />
        <source>Bring to front</source>
        <translation>最前面へ</translation>
    </message>
    <message>
        <location filename="../layers.py" line="56" />
        <location filename="../main_window.py" line="198" />
        <source>Bring forward</source>
        <translation>前面へ</translation>
    </message>
    <message>
        <location filename="../layers.py" line="57" />
        <location filename="../main_window.py" line="199" />
        <source>Send backward</source>
        <translation>背面へ</translation>
    </message>
    <message>
        <location filename="../layers.py" line="58" />
        <location filename="../main_window.py" line="200" />
        <source>Send to back</source>
        <translation>最背面へ</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107" />
        <source>Inspector</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="110" />
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185" />
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>Open &amp;roster…</source>
        <translation>名簿を開く(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>Print pre&amp;view…</source>
        <translation>印刷プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193" />
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194" />
        <source>&amp;Duplicate</source>
        <translation>複製(&amp;D)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>De&amp;lete</source>
        <translation>削除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196" />
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202" />
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205" />
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208" />
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211" />
        <source>Zoom to &amp;fit</source>
        <translation>全体を表示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <source>Actual size (100%)</source>
        <translation>実寸 (100%)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219" />
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222" />
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224" />
        <source>Snap to &amp;grid (1 mm)</source>
        <translation>グリッドに合わせる (1 mm)(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225" />
        <source>&amp;Smart guides</source>
        <translation>スマートガイド(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227" />
        <source>Add &amp;back side</source>
        <translation>裏面を追加(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228" />
        <source>Previous record</source>
        <translation>前の人</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229" />
        <source>Next record</source>
        <translation>次の人</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233" />
        <source>Align left</source>
        <translation>左揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234" />
        <source>Align centres horizontally</source>
        <translation>左右中央揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235" />
        <source>Align right</source>
        <translation>右揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236" />
        <source>Align top</source>
        <translation>上揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237" />
        <source>Align middles vertically</source>
        <translation>上下中央揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238" />
        <source>Align bottom</source>
        <translation>下揃え</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242" />
        <source>Distribute horizontally</source>
        <translation>左右に等間隔</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="245" />
        <source>Distribute vertically</source>
        <translation>上下に等間隔</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249" />
        <location filename="../roster_panel.py" line="340" />
        <source>Field</source>
        <translation>差し込み項目</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="261" />
        <source>Click or drag on the page to add: %1</source>
        <translation>ページをクリックまたはドラッグして追加: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="265" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279" />
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="281" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="282" />
        <location filename="../main_window.py" line="637" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285" />
        <location filename="../main_window.py" line="640" />
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="294" />
        <source>&amp;Insert</source>
        <translation>挿入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297" />
        <source>&amp;Arrange</source>
        <translation>配置(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="320" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340" />
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="342" />
        <source>&amp;Issue certificates…</source>
        <translation>証書を発行(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345" />
        <source>&amp;Verify a certificate…</source>
        <translation>証書を検証(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="347" />
        <source>&amp;Keys and tokens…</source>
        <translation>鍵とトークン(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348" />
        <source>Iss&amp;uer…</source>
        <translation>発行者(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350" />
        <source>&amp;Batches and credentials…</source>
        <translation>発行履歴と証明書(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="352" />
        <source>Add &amp;font…</source>
        <translation>フォントを追加(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354" />
        <source>Import Open &amp;Badges 2.0…</source>
        <translation>Open Badges 2.0 の取り込み(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="357" />
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="359" />
        <location filename="../main_window.py" line="446" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361" />
        <source>&amp;User guide</source>
        <translation>利用の手引き(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="365" />
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="377" />
        <source>Arrange</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="394" />
        <location filename="../ob2_import.py" line="101" />
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="406" />
        <source>Save first</source>
        <translation>先に保存してください</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="407" />
        <source>Save the template before issuing: each batch records the exact design.</source>
        <translation>発行の前にテンプレートを保存してください。バッチごとに使ったデザインを正確に記録します。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="423" />
        <source>Unfinished batch</source>
        <translation>未完了のバッチ</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="424" />
        <source>Batch %1 was not finished. Resume it now?</source>
        <translation>バッチ %1 が完了していません。今すぐ再開しますか?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="459" />
        <source>User guide</source>
        <translation>利用の手引き</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="459" />
        <source>The user guide is not installed with this copy.</source>
        <translation>このコピーには利用の手引きが入っていません。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="521" />
        <source>Cannot show the print preview</source>
        <translation>印刷プレビューを表示できません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="534" />
        <source>Add a font</source>
        <translation>フォントを追加</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="536" />
        <source>TrueType fonts (*.ttf *.ttc);;All fonts (*.ttf *.ttc *.otf *.otc)</source>
        <translation>TrueType フォント (*.ttf *.ttc);;すべてのフォント (*.ttf *.ttc *.otf *.otc)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="548" />
        <source>Cannot add the font</source>
        <translation>フォントを追加できません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="553" />
        <source>Added font: %1</source>
        <translation>フォントを追加しました: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="637" />
        <source>&amp;Undo %1</source>
        <translation>元に戻す: %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="640" />
        <source>&amp;Redo %1</source>
        <translation>やり直し: %1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="657" />
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="670" />
        <source>Cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="683" />
        <source>Open template</source>
        <translation>テンプレートを開く</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="704" />
        <source>Save template</source>
        <translation>テンプレートを保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="713" />
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="716" />
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="725" />
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="726" />
        <source>Save the changes to “%1” before closing it?</source>
        <translation>閉じる前に「%1」の変更を保存しますか?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="753" />
        <source>Cannot open the roster</source>
        <translation>名簿を開けません</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="759" />
        <source>Open roster</source>
        <translation>名簿を開く</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="780" />
        <source>Front</source>
        <translation>表面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="780" />
        <source>Back</source>
        <translation>裏面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="832" />
        <source>Recover unsaved work</source>
        <translation>保存されていない作業の復元</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="833" />
        <source>Shosho closed before “%1” was saved. Recover the autosaved copy?</source>
        <translation>「%1」を保存する前に Shosho が終了しました。自動保存されたコピーを復元しますか?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="842" />
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
        <location filename="../roster_panel.py" line="317" />
        <source>No roster open. Use File ▸ Open roster… to load a CSV or Excel file.</source>
        <translation>名簿が開かれていません。「ファイル ▸ 名簿を開く…」で CSV または Excel ファイルを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="332" />
        <source>Drag a column onto the page to place its field</source>
        <translation>列をページへドラッグすると差し込み項目を配置します</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="340" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="344" />
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="346" />
        <source>Choose the roster column each field is read from. Ctrl+Z undoes a change.</source>
        <translation>各項目をどの名簿の列から読むか選びます。変更は Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="355" />
        <source>Columns → fields</source>
        <translation>列 → 項目</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="389" />
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="395" />
        <source>%1: %2 people · %3 errors · %4 warnings%5</source>
        <translation>%1: %2 人 · エラー %3 件 · 警告 %4 件%5</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="293" />
        <location filename="../roster_panel.py" line="454" />
        <location filename="../roster_panel.py" line="496" />
        <source>(not used)</source>
        <translation>(使わない)</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="291" />
        <source>Take %1 from column %2</source>
        <translation>%1 を列「%2」から読む</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="450" />
        <source>Written in a design as %1</source>
        <translation>デザインでの書き方: %1</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="494" />
        <source>%1 now comes from column %2. Ctrl+Z undoes it.</source>
        <translation>%1 は列「%2」から読むようになりました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../roster_panel.py" line="503" />
        <source>row %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Issuer profile JSON, used by the issue wizard</source>
        <translation>発行ウィザードが使う発行者プロファイル (JSON)</translation>
    </message>
    <message>
        <source>Empty: SQLite file in the data folder</source>
        <translation>空欄: データフォルダーの SQLite ファイル</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="72" />
        <source>Empty: a database file in the data folder</source>
        <translation>空欄: データフォルダーのデータベースファイル</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="74" />
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="97" />
        <location filename="../issuer_form.py" line="101" />
        <source>e.g. Tokyo Mirai University</source>
        <translation>例: 東京未来大学</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="99" />
        <source>e.g. 東京未来大学</source>
        <translation>例: 東京未来大学</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="107" />
        <source>A PNG or SVG file (optional)</source>
        <translation>PNG または SVG ファイル（省略可）</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="110" />
        <location filename="../issuer_form.py" line="182" />
        <source>(kept from before)</source>
        <translation>（以前のものを使用）</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="117" />
        <location filename="../issuer_form.py" line="121" />
        <source>Filled in from the web address</source>
        <translation>Web アドレスから自動で入ります</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="130" />
        <location filename="../issuer_form.py" line="206" />
        <source>Name of this profile</source>
        <translation>このプロファイルの名前</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="131" />
        <location filename="../issuer_form.py" line="207" />
        <source>Name (Japanese)</source>
        <translation>名称 (日本語)</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="132" />
        <source>Name (English)</source>
        <translation>名称 (英語)</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="133" />
        <location filename="../issuer_form.py" line="208" />
        <location filename="../issuer_form.py" line="217" />
        <source>Web address</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="135" />
        <source>Logo</source>
        <translation>ロゴ</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="136" />
        <source>Issuer ID</source>
        <translation>発行者 ID</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="137" />
        <location filename="../issuer_form.py" line="218" />
        <source>Verify page</source>
        <translation>検証ページ</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="138" />
        <location filename="../issuer_form.py" line="219" />
        <source>Status lists</source>
        <translation>状態リスト</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="139" />
        <source>Signing key</source>
        <translation>署名する鍵</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="142" />
        <source>The verify page and status lists are published on the school's web site; the QR seal links to the verify page.</source>
        <translation>検証ページと状態リストは学校の Web サイトで公開します。QR 印は検証ページにつながります。</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="189" />
        <source>Cannot read the logo %1 (%2)</source>
        <translation>ロゴ %1 を読めません（%2）</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="193" />
        <source>The logo %1 is %2 KB; at most %3 KB fits in each credential.</source>
        <translation>ロゴ %1 は %2 KB あります。各証明書に入るのは %3 KB までです。</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="213" />
        <source>Fill in %1.</source>
        <translation>「%1」を入力してください。</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="215" />
        <source>The profile name cannot hold / \ : * ? " &lt; &gt; |</source>
        <translation>プロファイル名には / \ : * ? " &lt; &gt; | を使えません</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="226" />
        <source>%1 must be a web address starting with https://</source>
        <translation>「%1」は https:// で始まる Web アドレスにしてください</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="230" />
        <source>The issuer ID starts with did:web:, did:key: or https://</source>
        <translation>発行者 ID は did:web:、did:key: または https:// で始まります</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="233" />
        <source>%1 is not an e-mail address</source>
        <translation>%1 はメールアドレスではありません</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="261" />
        <source>Cannot save the profile (%1)</source>
        <translation>プロファイルを保存できません（%1）</translation>
    </message>
    <message>
        <source>Issuer profile file</source>
        <translation>発行者プロファイル</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81" />
        <source>Who issues, the web addresses of the verify page and the signing key.</source>
        <translation>発行者の名前、検証ページの Web アドレス、署名する鍵。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="83" />
        <source>Set up the issuer…</source>
        <translation>発行者を設定…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="87" />
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="89" />
        <source>Default font</source>
        <translation>既定のフォント</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="90" />
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="91" />
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="92" />
        <source>A new language applies the next time Shosho starts.</source>
        <translation>言語の変更は次回の起動から反映されます。</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="175" />
        <source>Choose a logo</source>
        <translation>ロゴを選択</translation>
    </message>
    <message>
        <location filename="../issuer_form.py" line="175" />
        <source>Pictures (*.png *.svg *.jpg)</source>
        <translation>画像 (*.png *.svg *.jpg)</translation>
    </message>
    <message>
        <source>Choose the issuer profile</source>
        <translation>発行者プロファイルを選択</translation>
    </message>
    <message>
        <source>Issuer profiles (*.json)</source>
        <translation>発行者プロファイル (*.json)</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="42" />
        <source>A4 portrait</source>
        <translation>A4 縦</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="43" />
        <source>A4 landscape</source>
        <translation>A4 横</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="44" />
        <source>A3 landscape (賞状)</source>
        <translation>A3 横 (賞状)</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="45" />
        <source>B5 portrait</source>
        <translation>B5 縦</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="46" />
        <source>Letter portrait</source>
        <translation>レター 縦</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="47" />
        <source>ID card (CR80)</source>
        <translation>学生証 (CR80)</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="55" />
        <source>Certificate in English (A4)</source>
        <translation>英文修了証（A4）</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="56" />
        <source>Certificate in English (US Letter)</source>
        <translation>英文修了証（US レター）</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="85" />
        <source>Get started</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="89" />
        <source>1. Try the sample 修了証 with its sample roster</source>
        <translation>1. 見本の修了証を見本の名簿で試す</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="90" />
        <source>Opens a copy: nothing is issued until you choose Issue.</source>
        <translation>コピーを開きます。「発行」を選ぶまで何も発行されません。</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="91" />
        <source>Open the sample</source>
        <translation>見本を開く</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="96" />
        <source>2. Your institution: the issuer named on every credential</source>
        <translation>2. 学校・機関：すべての証明書に記載される発行者</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="97" />
        <location filename="../start_page.py" line="106" />
        <source>Done: %1</source>
        <translation>設定済み：%1</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="99" />
        <source>Not set yet: name, website and logo, in Settings.</source>
        <translation>未設定です。名称・ウェブサイト・ロゴを設定で入力します。</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="100" />
        <source>Issuer profile…</source>
        <translation>発行者の設定…</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="105" />
        <source>3. Your signing key: a hardware token, or a key file</source>
        <translation>3. 署名鍵：ハードウェアトークン、または鍵ファイル</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="109" />
        <source>Token software found: %1</source>
        <translation>トークンのソフトウェアが見つかりました：%1</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="112" />
        <source>No token software found: install OpenSC or the YubiKey PIV tool, or make a key file.</source>
        <translation>トークンのソフトウェアが見つかりません。OpenSC か YubiKey PIV ツールをインストールするか、鍵ファイルを作成してください。</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="116" />
        <source>Keys and tokens…</source>
        <translation>鍵とトークン…</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="151" />
        <source>Shosho — certificates and student-ID cards</source>
        <translation>Shosho — 証書と学生証</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="157" />
        <source>Start from a built-in design, a blank page, or a file you made before.</source>
        <translation>用意されたデザイン、白紙、または以前に作ったファイルから始めます。</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="194" />
        <source>No recent files yet</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="202" />
        <source>Open a file…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="206" />
        <source>Built-in designs</source>
        <translation>用意されたデザイン</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="208" />
        <source>Blank page</source>
        <translation>白紙から</translation>
    </message>
    <message>
        <location filename="../start_page.py" line="211" />
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
        <location filename="../verify_window.py" line="29" />
        <source>Open Badges 2.0: revoked by the issuer</source>
        <translation>Open Badges 2.0: 発行者が取り消しました</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="30" />
        <source>Open Badges 2.0: expired</source>
        <translation>Open Badges 2.0: 有効期限切れ</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="31" />
        <source>Open Badges 2.0: not valid</source>
        <translation>Open Badges 2.0: 無効</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="32" />
        <source>Open Badges 2.0: cannot be checked offline</source>
        <translation>Open Badges 2.0: オフラインでは確認できません</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="39" />
        <source>Verify a certificate — Shosho</source>
        <translation>証書の検証 — Shosho</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="44" />
        <source>Drop a certificate PDF, a badge image (PNG/SVG), a credential JSON
or a photo or scan of the QR code here</source>
        <translation>証書の PDF、バッジ画像 (PNG/SVG)、証明データの JSON、
または QR コードの写真やスキャンをここにドロップ</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="53" />
        <source>Choose a file…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="56" />
        <source>…or paste the text of the QR code</source>
        <translation>…または QR コードの文字列を貼り付け</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="58" />
        <source>Trust a list or did.json…</source>
        <translation>信頼リスト・did.json を信頼…</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="61" />
        <source>Trust the issuers a trust list, a did.json or an issuer file names, from now on</source>
        <translation>信頼リスト、did.json、発行者ファイルにある発行者を今後信頼します</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="88" />
        <source>Choose what to verify</source>
        <translation>検証するものを選択</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="90" />
        <source>Certificates (*.pdf *.png *.svg *.json *.jwt *.jws *.jpg *.jpeg);;All files (*)</source>
        <translation>証書 (*.pdf *.png *.svg *.json *.jwt *.jws *.jpg *.jpeg);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Certificates (*.pdf *.png *.svg *.json *.jwt *.jpg *.jpeg);;All files (*)</source>
        <translation type="vanished">証書 (*.pdf *.png *.svg *.json *.jwt *.jpg *.jpeg);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="97" />
        <source>Choose what to trust</source>
        <translation>信頼するファイルを選ぶ</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="97" />
        <source>Trust lists and DID documents (*.json)</source>
        <translation>信頼リストと DID 文書 (*.json)</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="109" />
        <source>Cannot trust this file</source>
        <translation>このファイルは信頼に使えません</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="138" />
        <source>Cannot verify</source>
        <translation>検証できません</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="158" />
        <source>No Open Badges 2.0 award in this file</source>
        <translation>このファイルには Open Badges 2.0 の授与がありません</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="167" />
        <source>Open Badges 2.0: signed by a trusted issuer</source>
        <translation>Open Badges 2.0: 信頼する発行者の署名があります</translation>
    </message>
    <message>
        <location filename="../verify_window.py" line="169" />
        <source>Open Badges 2.0: signature valid, but the issuer is not trusted</source>
        <translation>Open Badges 2.0: 署名は有効ですが、発行者は信頼されていません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="294" />
        <source>Genuine: signed by a trusted issuer</source>
        <translation>本物です: 信頼できる発行者の署名があります</translation>
    </message>
    <message>
        <location filename="../messages.py" line="296" />
        <source>Signature valid, but the issuer is not in your trust list</source>
        <translation>署名は正しいが、発行者が信頼リストにありません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="283" />
        <location filename="../messages.py" line="301" />
        <location filename="../verify_window.py" line="158" />
        <source>Not valid</source>
        <translation>無効です</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="70" />
        <source>PKCS#11 modules (%1);;All files (*)</source>
        <translation>PKCS#11 モジュール (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="84" />
        <source>Keys and tokens — Shosho</source>
        <translation>鍵とトークン — Shosho</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="95" />
        <source>Path of the token's PKCS#11 module</source>
        <translation>トークンの PKCS#11 モジュールのパス</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="98" />
        <source>List tokens</source>
        <translation>トークンを一覧</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="107" />
        <location filename="../keys_window.py" line="177" />
        <source>Token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="107" />
        <source>Serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="107" />
        <source>Maker and model</source>
        <translation>メーカーと型番</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="112" />
        <source>Show keys (asks the PIN)</source>
        <translation>鍵を表示 (PIN を入力)</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="116" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="122" />
        <source>e.g. issuer-2026</source>
        <translation>例: issuer-2026</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="126" />
        <source>Generate on the token</source>
        <translation>トークン上で生成</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="138" />
        <source>Choose a key</source>
        <translation>鍵を選んでください</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="139" />
        <location filename="../keys_window.py" line="148" />
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="147" />
        <source>Give this key reference to the issue wizard</source>
        <translation>この鍵参照を発行ウィザードに入力します</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="155" />
        <source>Export did.json…</source>
        <translation>did.json を書き出す…</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="164" />
        <source>New encrypted key file…</source>
        <translation>暗号化鍵ファイルを新規作成…</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="167" />
        <source>For offices without a token:</source>
        <translation>トークンがない場合:</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="183" />
        <source>New key:</source>
        <translation>新しい鍵:</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="185" />
        <source>Selected key</source>
        <translation>選択した鍵</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="188" />
        <source>Key reference</source>
        <translation>鍵参照</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="189" />
        <source>did:web domain</source>
        <translation>did:web ドメイン</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="190" />
        <source>Trust this key as our issuer's</source>
        <translation>この鍵を自校の発行者の鍵として信頼</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="193" />
        <source>The verify window then finds what this key signs genuine, naming this trust</source>
        <translation>この鍵の署名を検証画面で本物と判定し、その根拠として表示します</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="214" />
        <source>Choose the PKCS#11 module</source>
        <translation>PKCS#11 モジュールを選択</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="225" />
        <source>Choose the PKCS#11 module of the token first.</source>
        <translation>先にトークンの PKCS#11 モジュールを選んでください。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="242" />
        <source>%1 token(s) found.</source>
        <translation>トークンが %1 個見つかりました。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="244" />
        <source>No token found: is it plugged in?</source>
        <translation>トークンが見つかりません。差し込まれていますか?</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="272" />
        <source>Choose a token first.</source>
        <translation>先にトークンを選んでください。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="312" />
        <source>Token “%1” holds %2 key(s).</source>
        <translation>トークン「%1」には鍵が %2 個あります。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="356" />
        <source>RSA keys have no did:key: publish a did.json</source>
        <translation>RSA 鍵には did:key がありません。did.json を公開してください</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="363" />
        <source>Give the new key a name (its label on the token).</source>
        <translation>新しい鍵の名前 (トークン上のラベル) を入力してください。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="374" />
        <source>Generated %1 key “%2” on token “%3”.</source>
        <translation>トークン「%3」に %1 鍵「%2」を生成しました。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="384" />
        <source>Export did.json</source>
        <translation>did.json を書き出す</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="384" />
        <source>DID documents (*.json)</source>
        <translation>DID ドキュメント (*.json)</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="393" />
        <source>Choose a key first.</source>
        <translation>先に鍵を選んでください。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="411" />
        <source>Wrote %1 for %2. Publish it at %3</source>
        <translation>%2 の %1 を書き出しました。%3 に公開してください</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="419" />
        <source>New encrypted key file</source>
        <translation>暗号化鍵ファイルの新規作成</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="419" />
        <source>Key files (*.key *.pem)</source>
        <translation>鍵ファイル (*.key *.pem)</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="427" />
        <source>Passphrase for the new key file %1 (at least 8 characters)</source>
        <translation>新しい鍵ファイル %1 のパスフレーズ (8 文字以上)</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="443" />
        <source>Created key file %1. Keep a copy in a safe place.</source>
        <translation>鍵ファイル %1 を作成しました。控えを安全な場所に保管してください。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="451" />
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="460" />
        <source>Keys and tokens</source>
        <translation>鍵とトークン</translation>
    </message>
    <message>
        <location filename="../keys_window.py" line="483" />
        <source>The verify window now trusts this key (kept in %1).</source>
        <translation>検証画面はこの鍵を信頼するようになりました（%1 に保存）。</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="186" />
        <source>Nothing to print</source>
        <translation>印刷するものがありません</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="204" />
        <source>Print preview — %1</source>
        <translation>印刷プレビュー — %1</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="209" />
        <source>Previous sheet (Page Up)</source>
        <translation>前の用紙 (Page Up)</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="213" />
        <source>Next sheet (Page Down)</source>
        <translation>次の用紙 (Page Down)</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="221" />
        <source>Save print PDF…</source>
        <translation>印刷用 PDF を保存…</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="38" />
        <location filename="../ob2_import.py" line="41" />
        <source>Revoked under Open Badges 2.0</source>
        <translation>Open Badges 2.0 で取り消し済み</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="44" />
        <source>Invalid (the signature or the data is wrong)</source>
        <translation>無効 (署名またはデータが不正)</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="45" />
        <source>Cannot be checked offline</source>
        <translation>オフラインでは確認できない</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="48" />
        <source>Revocation list missing from the export</source>
        <translation>取り消しリストが書き出しに含まれていない</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="50" />
        <source>The same award again (imported once)</source>
        <translation>同じ授与の重複 (1 回だけ取り込み)</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="51" />
        <source>Open Badges 1.1 (not supported)</source>
        <translation>Open Badges 1.1 (未対応)</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="52" />
        <source>Open Badges 1.0 (not supported)</source>
        <translation>Open Badges 1.0 (未対応)</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="53" />
        <source>Already Open Badges 3.0</source>
        <translation>すでに Open Badges 3.0</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="54" />
        <source>Not Open Badges 2.0 data</source>
        <translation>Open Badges 2.0 のデータではない</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="55" />
        <source>Unsafe path inside the zip</source>
        <translation>zip 内の安全でないパス</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="56" />
        <source>Symbolic link (not followed)</source>
        <translation>シンボリックリンク (たどらない)</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="57" />
        <source>File too large</source>
        <translation>ファイルが大きすぎる</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="58" />
        <source>Zip bomb (refused)</source>
        <translation>zip 爆弾 (拒否)</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="59" />
        <source>Damaged file</source>
        <translation>壊れたファイル</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="70" />
        <source>Damaged badge image</source>
        <translation>壊れたバッジ画像</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="71" />
        <location filename="../ob2_import.py" line="225" />
        <source>Left out</source>
        <translation>取り込まないもの</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="81" />
        <source>Import Open Badges 2.0 — Shosho</source>
        <translation>Open Badges 2.0 の取り込み — Shosho</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="86" />
        <source>An export folder, a zip, or a badge file</source>
        <translation>書き出したフォルダー、zip、またはバッジのファイル</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="88" />
        <source>Optional: a roster with e-mail addresses</source>
        <translation>任意: メールアドレスのある名簿</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="90" />
        <source>Optional: the office's issuer profile</source>
        <translation>任意: 事務局の発行者プロファイル</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="92" />
        <source>A new folder for the designs and rosters</source>
        <translation>デザインと名簿を保存する新しいフォルダー</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="93" />
        <source>Make a badge design for every badge</source>
        <translation>バッジごとにバッジのデザインを作る</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="96" />
        <source>Badges to import:</source>
        <translation>取り込むバッジ:</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="97" />
        <source>Roster:</source>
        <translation>名簿:</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="98" />
        <source>Issuer profile:</source>
        <translation>発行者プロファイル:</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="99" />
        <source>Save into:</source>
        <translation>保存先:</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="103" />
        <source>Choose the badges to import, then Preview.</source>
        <translation>取り込むバッジを選び、「プレビュー」を押してください。</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="106" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="106" />
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="109" />
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="112" />
        <source>Open the design</source>
        <translation>デザインを開く</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="115" />
        <location filename="../print_preview.py" line="238" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="140" />
        <source>File…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="144" />
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="168" />
        <source>Choose a new folder to save into first</source>
        <translation>先に新しい保存先フォルダーを選んでください</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="180" />
        <source>Choose the badges to import first.</source>
        <translation>先に取り込むバッジを選んでください。</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="192" />
        <source>Cannot import: %1</source>
        <translation>取り込めません: %1</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="202" />
        <source>%1 achievement(s) and %2 recipient(s) will be created; %3 left out.</source>
        <translation>達成項目 %1 件、受領者 %2 人を作成します。取り込まないもの %3 件。</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="207" />
        <source>Will be created</source>
        <translation>作成するもの</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="213" />
        <source>%1 recipient(s); design %2.shosho, roster %2-roster.csv</source>
        <translation>受領者 %1 人。デザイン %2.shosho、名簿 %2-roster.csv</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="219" />
        <source>(known only by a hashed e-mail)</source>
        <translation>(ハッシュ化したメールアドレスのみ)</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="222" />
        <source>Issuer profile linked to the 2.0 issuer</source>
        <translation>2.0 の発行者にリンクした発行者プロファイル</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="231" />
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="244" />
        <source>Import Open Badges 2.0</source>
        <translation>Open Badges 2.0 の取り込み</translation>
    </message>
    <message>
        <location filename="../ob2_import.py" line="247" />
        <source>Imported into %1. Open a design and issue it with its roster.</source>
        <translation>%1 に取り込みました。デザインを開き、その名簿で発行してください。</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="223" />
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="224" />
        <source>Print on a printer of this PC, at true size</source>
        <translation>このパソコンのプリンターで実寸で印刷します</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="226" />
        <source>Calibration page…</source>
        <translation>位置合わせページ…</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="228" />
        <source>Print a page of crosses to measure how far the printer shifts the print</source>
        <translation>十字を印刷して、プリンターの印刷位置のずれを測ります</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="232" />
        <source>Print double-sided, flipping on the long edge: each back lands on its front.</source>
        <translation>両面印刷（長辺とじ）で印刷してください。裏面がそれぞれの表面の裏に重なります。</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="274" />
        <source>Cannot print</source>
        <translation>印刷できません</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="276" />
        <source>Sent %1 pages to the printer.</source>
        <translation>%1 ページをプリンターに送りました。</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="295" />
        <source>record %1</source>
        <translation>%1 件目</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="297" />
        <source>records %1–%2</source>
        <translation>%1–%2 件目</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="303" />
        <source>backs, mirrored for long-edge duplex</source>
        <translation>裏面 (長辺とじ両面印刷用に左右反転)</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="305" />
        <source>fronts</source>
        <translation>表面</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="308" />
        <source>%1 cards per A4 sheet (%2 × %3) with crop marks · %4 · %5</source>
        <translation>A4 1 枚に %1 枚 (%2 × %3)・トンボ付き · %4 · %5</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="317" />
        <source>back</source>
        <translation>裏面</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="317" />
        <source>front</source>
        <translation>表面</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="325" />
        <source>no sheets</source>
        <translation>用紙なし</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="333" />
        <source>Sheet %1 of %2</source>
        <translation>用紙 %1 / %2</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="343" />
        <source>Save print PDF</source>
        <translation>印刷用 PDF を保存</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="345" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="358" />
        <source>Cannot save the print PDF</source>
        <translation>印刷用 PDF を保存できません</translation>
    </message>
    <message>
        <location filename="../print_preview.py" line="363" />
        <source>Saved %1 (%2 pages)</source>
        <translation>%1 を保存しました (%2 ページ)</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="81" />
        <location filename="../field_labels.py" line="14" />
        <location filename="../messages.py" line="325" />
        <source>Student ID</source>
        <translation>学籍番号</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="15" />
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="16" />
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="17" />
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="18" />
        <source>Name (kana)</source>
        <translation>氏名（フリガナ）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="19" />
        <source>Name in English</source>
        <translation>氏名（ローマ字）</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="81" />
        <location filename="../field_labels.py" line="20" />
        <location filename="../issuer_form.py" line="134" />
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="21" />
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="22" />
        <source>Course name</source>
        <translation>講座名</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="23" />
        <source>Completion date</source>
        <translation>修了日</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="24" />
        <source>Issue date</source>
        <translation>発行日</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="25" />
        <source>Expiry date</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="26" />
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="28" />
        <source>Family name (kana)</source>
        <translation>セイ</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="29" />
        <source>Given name (kana)</source>
        <translation>メイ</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="30" />
        <source>Faculty</source>
        <translation>学部</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="31" />
        <source>Major</source>
        <translation>学科</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="32" />
        <source>Verification link (QR seal)</source>
        <translation>検証用リンク（QR 印）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="33" />
        <source>Credential number</source>
        <translation>証明書番号</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="34" />
        <source>Verification site</source>
        <translation>検証サイト</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="35" />
        <source>Issuer name</source>
        <translation>発行者名</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="36" />
        <location filename="../issue_wizard.py" line="141" />
        <location filename="../issue_wizard.py" line="338" />
        <source>Achievement name</source>
        <translation>講座・資格名</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="60" />
        <source>Japanese era (令和7年4月1日)</source>
        <translation>和暦（令和7年4月1日）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="61" />
        <source>Japanese era, kanji numerals (令和七年四月一日)</source>
        <translation>和暦・漢数字（令和七年四月一日）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="62" />
        <source>Western year (2025年4月1日)</source>
        <translation>西暦（2025年4月1日）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="63" />
        <source>English (1 April 2025)</source>
        <translation>英語（1 April 2025）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="64" />
        <source>American English (April 1, 2025)</source>
        <translation>米国式英語（April 1, 2025）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="65" />
        <source>Numbers only (2025-04-01)</source>
        <translation>数字のみ（2025-04-01）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="68" />
        <source>As in the roster</source>
        <translation>名簿のとおり</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="69" />
        <source>Full-width (ＡＢＣ１２３)</source>
        <translation>全角（ＡＢＣ１２３）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="70" />
        <source>Half-width (ABC123)</source>
        <translation>半角（ABC123）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="71" />
        <source>Capital letters (TAKAHASHI)</source>
        <translation>大文字（TAKAHASHI）</translation>
    </message>
    <message>
        <location filename="../field_labels.py" line="72" />
        <source>Kanji digits (一〇七二)</source>
        <translation>漢数字（一〇七二）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="36" />
        <source>The design needs %1, but no roster column provides it: add the column, or choose one under Columns → fields.</source>
        <translation>デザインに「%1」が必要ですが、名簿にその列がありません。列を追加するか、「列 → 項目」で列を選んでください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="42" />
        <source>%1 is empty</source>
        <translation>「%1」が空欄です</translation>
    </message>
    <message>
        <location filename="../messages.py" line="43" />
        <source>Photo file not found: %1</source>
        <translation>写真ファイルが見つかりません: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="46" />
        <source>The photo path is a folder, not a file: %1</source>
        <translation>写真の場所がファイルではなくフォルダーです: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="50" />
        <source>The photo is not a readable PNG or JPEG image: %1</source>
        <translation>写真を PNG・JPEG 画像として読めません: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55" />
        <source>The photo is damaged or cut short (it would print partly blank): %1</source>
        <translation>写真ファイルが壊れているか途中で切れています（印刷すると一部が空白になります）: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="62" />
        <source>%1: the image has more than %2 pixels, the most Shosho draws; scale it down</source>
        <translation>%1: 画像が %2 画素を超えています（Shosho が描ける上限）。縮小してください</translation>
    </message>
    <message>
        <location filename="../messages.py" line="72" />
        <source>%1 “%2” holds invisible characters (%3): they are ignored when people are compared, but check the cell, as the value is printed and signed as written</source>
        <translation>%1「%2」に見えない文字（%3）が含まれています。同一人物の判定では無視しますが、値はそのまま印刷・署名されるのでセルを確認してください</translation>
    </message>
    <message>
        <location filename="../messages.py" line="85" />
        <source>Sheet “%1” says it ends at row %2 but holds data down to row %3: every row was read (%4 people)</source>
        <translation>シート「%1」の記録上の範囲は %2 行目までですが、%3 行目までデータがあります。すべての行を読みました（%4 人）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="96" />
        <source>The file is named like an Excel workbook but holds text: read as CSV</source>
        <translation>Excel ブックの名前ですが中身はテキストです。CSV として読みました</translation>
    </message>
    <message>
        <location filename="../messages.py" line="100" />
        <source>Unreadable date: %1 is not a real date</source>
        <translation>日付を読めません: %1 は実在しない日付です</translation>
    </message>
    <message>
        <location filename="../messages.py" line="102" />
        <source>Unreadable date: %1</source>
        <translation>日付を読めません: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="105" />
        <source>Student ID %1 appears twice: in rows %2 and %3</source>
        <translation>学籍番号 %1 が重複しています（%2 行目と %3 行目）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="109" />
        <source>The expiry date %1 is before the issue date %2</source>
        <translation>有効期限 %1 が発行日 %2 より前です</translation>
    </message>
    <message>
        <location filename="../messages.py" line="113" />
        <source>The date of birth %1 is in the future</source>
        <translation>生年月日 %1 が未来の日付です</translation>
    </message>
    <message>
        <location filename="../messages.py" line="117" />
        <source>%1 cannot be drawn with %2</source>
        <translation>%1 は %2 で表示できません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="124" />
        <source>Only student-ID cards can be suspended; revoke this certificate instead.</source>
        <translation>一時停止できるのは学生証だけです。この証書は失効させてください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="130" />
        <source>The signature is valid and the key belongs to the issuer</source>
        <translation>署名は正しく、鍵は発行者のものです</translation>
    </message>
    <message>
        <location filename="../messages.py" line="134" />
        <source>Revocation not checked: no status list of this issuer is at hand</source>
        <translation>失効は未確認です: この発行者の状態リストが手元にありません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="138" />
        <source>The seal signs the printed values only (a card carries no credential)</source>
        <translation>印は印刷された内容に署名しています（カードには証明書データが添付されません）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="142" />
        <source>the status list %1 is not available offline</source>
        <translation>状態リスト %1 はオフラインでは取得できません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="146" />
        <source>%1 by %2, made %3</source>
        <translation>%1（署名者 %2、作成 %3）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="152" />
        <source>“%1” is neither a file nor the text of a QR seal: choose a certificate PDF, a badge image, a credential file or a photo of the QR code.</source>
        <translation>「%1」はファイルでも QR 印の文字列でもありません。証書の PDF、バッジ画像、証明書ファイル、または QR コードの写真を選んでください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="158" />
        <source>active (not revoked or suspended)</source>
        <translation>有効（失効・停止されていません）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159" />
        <source>revoked</source>
        <translation>失効</translation>
    </message>
    <message>
        <location filename="../messages.py" line="160" />
        <source>suspended</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../messages.py" line="161" />
        <source>not checked: %1</source>
        <translation>確認できません: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="164" />
        <source>%1 (status list %2, entry %3)</source>
        <translation>%1（状態リスト %2、%3 番）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="169" />
        <source>No issuer is trusted yet: anyone could have made this key. Trust the issuer (Trust this issuer…) or import a trust list.</source>
        <translation>信頼する発行者がまだありません。この鍵は誰でも作れます。発行者を信頼する（「この発行者を信頼…」）か、信頼リストを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="175" />
        <source>Key %1 is in your trust list for %2</source>
        <translation>鍵 %1 は信頼リストに %2 の鍵として登録されています</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179" />
        <source>Key %1 is not in your trust list for %2</source>
        <translation>鍵 %1 は信頼リストに %2 の鍵として登録されていません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="183" />
        <source>The signing key is not bound to the issuer %1</source>
        <translation>署名した鍵が発行者 %1 のものと確認できません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="187" />
        <source>The credential is not signed</source>
        <translation>この証明書には署名がありません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="191" />
        <source>Not valid yet: valid from %1</source>
        <translation>まだ有効ではありません（%1 から有効）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="193" />
        <source>Expired: valid until %1</source>
        <translation>期限切れです（%1 まで有効）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="196" />
        <source>The key %1 cannot be looked up offline</source>
        <translation>鍵 %1 はオフラインでは調べられません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="202" />
        <source>Content the signature does not cover was added (terms the credential's contexts do not define): %1</source>
        <translation>署名の対象にならない内容が加えられています（証明書のコンテキストが定義しない項目）: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="213" />
        <source>Signed with the demo key, which is published with Shosho: it cannot act for %1 and proves nothing</source>
        <translation>Shosho と一緒に公開されているデモ鍵で署名されています。%1 の鍵としては使えず、何も証明しません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="221" />
        <source>%1 proof: %2</source>
        <translation>%1 署名: %2</translation>
    </message>
    <message>
        <location filename="../messages.py" line="225" />
        <source>The signature does not match: the content was changed</source>
        <translation>署名が一致しません。内容が書き換えられています</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="43" />
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="44" />
        <source>Suspended</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="45" />
        <source>Revoked</source>
        <translation>失効</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="46" />
        <source>Replaced by a corrected one</source>
        <translation>訂正版に差し替え済み</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="52" />
        <source>Not issued yet</source>
        <translation>未発行</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="53" />
        <source>Signed, files not written</source>
        <translation>署名済み（ファイル未作成）</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="55" />
        <source>Running</source>
        <translation>発行中</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="56" />
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="63" />
        <source>Batches and credentials — Shosho</source>
        <translation>発行履歴と証明書 — Shosho</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="69" />
        <source>Student ID, name or e-mail address</source>
        <translation>学籍番号・氏名・メールアドレス</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="72" />
        <source>Look up</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="81" />
        <location filename="../messages.py" line="250" />
        <location filename="../messages.py" line="322" />
        <source>Recipient</source>
        <translation>受領者</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="81" />
        <location filename="../messages.py" line="251" />
        <location filename="../messages.py" line="323" />
        <source>Achievement</source>
        <translation>講座・資格</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="82" />
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="95" />
        <source>Suspend…</source>
        <translation>一時停止…</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="96" />
        <source>Restore…</source>
        <translation>停止を解除…</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="97" />
        <source>Revoke…</source>
        <translation>失効…</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="104" />
        <source>Print sheet of this batch…</source>
        <translation>このバッチの印刷シート…</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="149" />
        <source>Batch %1 · %2 · %3 of %4 · %5</source>
        <translation>バッチ %1 · %2 · %4 件中 %3 件 · %5</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="162" />
        <source>No batches yet: issue certificates with Tools ▸ Issue.</source>
        <translation>まだ発行履歴がありません。ツール ▸ 証書を発行 で発行してください。</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="191" />
        <source>Nobody found for “%1”.</source>
        <translation>「%1」に当てはまる人は見つかりません。</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="231" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="233" />
        <source>Why revoke the credential of %1? (kept in the audit log)</source>
        <translation>%1 さんの証明書を失効させる理由（監査記録に残ります）</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="234" />
        <source>Why suspend the card of %1? (kept in the audit log)</source>
        <translation>%1 さんの学生証を一時停止する理由（監査記録に残ります）</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="235" />
        <source>Why restore the card of %1? (kept in the audit log)</source>
        <translation>%1 さんの学生証の停止を解除する理由（監査記録に残ります）</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="253" />
        <source>Cannot change the status</source>
        <translation>状態を変更できません</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="260" />
        <source>%1 is now: %2. Publish the status lists for verifiers to see it.</source>
        <translation>%1 さんは「%2」になりました。検証する人に反映するには状態リストを公開してください。</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="270" />
        <source>Save the print sheet</source>
        <translation>印刷シートを保存</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="283" />
        <source>Cannot save the print sheet</source>
        <translation>印刷シートを保存できません</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="286" />
        <source>Saved %1: %2 printed on %3 pages.</source>
        <translation>%1 を保存しました: %2 件を %3 ページに印刷します。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="252" />
        <source>Valid from</source>
        <translation>有効期間の開始</translation>
    </message>
    <message>
        <location filename="../messages.py" line="253" />
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../messages.py" line="254" />
        <source>Awarded</source>
        <translation>授与日</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="82" />
        <location filename="../messages.py" line="255" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../messages.py" line="256" />
        <source>Trust</source>
        <translation>信頼</translation>
    </message>
    <message>
        <location filename="../messages.py" line="260" />
        <source>Signature: %1</source>
        <translation>署名: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="261" />
        <location filename="../messages.py" line="308" />
        <source>Reason: %1</source>
        <translation>理由: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="262" />
        <location filename="../messages.py" line="340" />
        <location filename="../messages.py" line="344" />
        <source>Note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="268" />
        <source>Genuine: the printed seal is signed by a trusted issuer</source>
        <translation>本物です: 印刷された印は信頼する発行者の署名です</translation>
    </message>
    <message>
        <location filename="../messages.py" line="269" />
        <source>Not genuine: the printed seal does not verify</source>
        <translation>本物ではありません: 印刷された印の署名が確認できません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="270" />
        <source>Revoked: the issuer has revoked this credential</source>
        <translation>失効: 発行者がこの証明書を失効させました</translation>
    </message>
    <message>
        <location filename="../messages.py" line="271" />
        <source>Suspended: the issuer has suspended this credential</source>
        <translation>一時停止: 発行者がこの証明書を一時停止しています</translation>
    </message>
    <message>
        <location filename="../messages.py" line="272" />
        <location filename="../ob2_import.py" line="43" />
        <source>Expired</source>
        <translation>有効期限切れ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="273" />
        <source>Unknown issuer: the seal's key is not in your trust list</source>
        <translation>不明な発行者: 印の鍵が信頼リストにありません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="299" />
        <source>Not genuine: the printed seal does not match the attached credential</source>
        <translation>本物ではありません: 印刷された印が添付の証明書と一致しません</translation>
    </message>
    <message>
        <location filename="../messages.py" line="312" />
        <source>Printed seal: %1</source>
        <translation>印刷された印: %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="317" />
        <source>Issuer: %1</source>
        <translation>発行者: %1</translation>
    </message>
    <message>
        <location filename="../batches_window.py" line="54" />
        <location filename="../batches_window.py" line="82" />
        <location filename="../messages.py" line="324" />
        <source>Issued</source>
        <translation>発行日</translation>
    </message>
    <message>
        <location filename="../messages.py" line="326" />
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../messages.py" line="332" />
        <source>Status as of %1 UTC</source>
        <translation>状態（%1 UTC 時点）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="336" />
        <source>Status: not checked (no status list for this issuer in the trust list)</source>
        <translation>状態: 未確認（信頼リストにこの発行者の状態リストがありません）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="339" />
        <source>The seal signs the attached credential</source>
        <translation>印は添付の証明書に署名しています</translation>
    </message>
    <message>
        <location filename="../messages.py" line="342" />
        <source>Credential:</source>
        <translation>証明書:</translation>
    </message>
    <message>
        <location filename="../trust_files.py" line="56" />
        <source>Set up the issuer first (Tools ▸ Issuer): its ID is needed.</source>
        <translation>先に発行者を設定してください（ツール ▸ 発行者）。発行者 ID が必要です。</translation>
    </message>
    <message>
        <location filename="../canvas/inplace.py" line="42" />
        <source>Edit text</source>
        <translation>文字を編集</translation>
    </message>
    <message>
        <location filename="../printing.py" line="36" />
        <source>The printer could not be opened</source>
        <translation>プリンターを開けません</translation>
    </message>
    <message>
        <location filename="../printing.py" line="60" />
        <source>Printer calibration page</source>
        <translation>プリンター位置合わせページ</translation>
    </message>
    <message>
        <location filename="../printing.py" line="61" />
        <source>Each cross should be 20 mm from the edges (the last at the centre).</source>
        <translation>各十字は用紙の端から 20 mm の位置にあります（最後の一つは中央）。</translation>
    </message>
    <message>
        <location filename="../printing.py" line="62" />
        <source>Measure how far the crosses are moved; enter that as the print offset.</source>
        <translation>十字のずれを測り、その値を印刷位置の補正として入力してください。</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <location filename="../canvas/view.py" line="240" />
        <source>Add field</source>
        <translation>差し込み項目を追加</translation>
    </message>
</context>
<context>
    <name>Ruler</name>
    <message>
        <location filename="../canvas/view.py" line="257" />
        <source>Drag onto the page to add a guide</source>
        <translation>ページへドラッグしてガイドを追加</translation>
    </message>
</context>
</TS>