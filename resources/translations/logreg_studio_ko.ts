<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
    <context>
        <name>CodeDialog</name>
        <message>
            <location filename="../../gui/code_dialog.py" line="186" />
            <source>Line {k} differs: the script printed “{a}”, main.py train “{b}”.</source>
            <translation>{k}번째 줄이 다릅니다: 스크립트는 “{a}”, main.py train은 “{b}”을(를) 출력했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="190" />
            <source>The script printed {n} lines, main.py train {m}.</source>
            <translation>스크립트는 {n}줄, main.py train은 {m}줄을 출력했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="194" />
            <source>Match: the script printed the same {n} lines as main.py train ({e} Epoch lines)</source>
            <translation>일치: 스크립트가 main.py train과 같은 {n}줄을 출력했습니다(Epoch 줄 {e}개)</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="201" />
            <source>The script's “{line}” differs from the app's run.</source>
            <translation>스크립트의 “{line}”이(가) 앱의 실행 결과와 다릅니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="204" />
            <source> and the app's own run</source>
            <translation> 및 앱 자체의 실행</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="210" />
            <source>; its final parameters equal the app's bit for bit</source>
            <translation>; 최종 파라미터가 앱과 비트 단위까지 같습니다</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="212" />
            <source>; its final parameters agree with the app's to within 1e-5</source>
            <translation>; 최종 파라미터가 앱과 1e-5 이내로 일치합니다</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="214" />
            <source>The script ended at {got}, the app at {want}.</source>
            <translation>스크립트는 {got}, 앱은 {want}에서 끝났습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="243" />
            <source>The code behind this run</source>
            <translation>이 실행의 코드</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="266" />
            <source>A standalone PyTorch script that reproduces this run exactly: run it with &lt;code&gt;python&lt;/code&gt; (only PyTorch needed) from any folder.</source>
            <translation>이 실행을 그대로 재현하는 독립 실행형 PyTorch 스크립트입니다. 어느 폴더에서든 &lt;code&gt;python&lt;/code&gt;으로 실행하세요(PyTorch만 있으면 됩니다).</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="274" />
            <source>The script</source>
            <translation>스크립트</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="280" />
            <source>Verify runs the script and compares its output with the app's.</source>
            <translation>검증은 스크립트를 실행하고 그 출력을 앱의 결과와 비교합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="286" />
            <source>&amp;Copy</source>
            <translation>복사(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="288" />
            <source>Save as .&amp;py…</source>
            <translation>.py로 저장(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="291" />
            <source>Save as &amp;notebook…</source>
            <translation>노트북으로 저장(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="293" />
            <source>&amp;Verify</source>
            <translation>검증(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="295" />
            <source>Run the script in a separate process and check that it prints what the app computes.</source>
            <translation>별도 프로세스에서 스크립트를 실행하고 앱이 계산한 값을 출력하는지 확인합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="299" />
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="327" />
            <source>The script is on the clipboard.</source>
            <translation>스크립트를 클립보드에 복사했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="347" />
            <source>Save the script</source>
            <translation>스크립트 저장</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="347" />
            <source>Python (*.py)</source>
            <translation>Python (*.py)</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="356" />
            <source>Save as a notebook</source>
            <translation>노트북으로 저장</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="358" />
            <source>Jupyter notebook (*.ipynb)</source>
            <translation>Jupyter 노트북 (*.ipynb)</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="368" />
            <source>Cannot save {path}: {why}</source>
            <translation>{path}을(를) 저장할 수 없습니다: {why}</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="373" />
            <source>Saved {path}.</source>
            <translation>{path}을(를) 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="391" />
            <source>Running the script in a separate process…</source>
            <translation>별도 프로세스에서 스크립트를 실행하는 중…</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="417" />
            <source>no message</source>
            <translation>메시지 없음</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="420" />
            <source>The script failed (exit status {code}): {why}</source>
            <translation>스크립트가 실패했습니다(종료 상태 {code}): {why}</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="435" />
            <source>The script could not be started with {py}.</source>
            <translation>{py}(으)로 스크립트를 시작할 수 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/code_dialog.py" line="446" />
            <source>main.py train could not run these settings: {why}</source>
            <translation>main.py train이 이 설정으로 실행되지 못했습니다: {why}</translation>
        </message>
    </context>
    <context>
        <name>CoreMessages</name>
        <message>
            <location filename="../../gui/i18n.py" line="164" />
            <source>Epochs must be a whole number.</source>
            <translation>에포크는 정수여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="165" />
            <source>Epochs must be between 1 and {max}.</source>
            <translation>에포크는 1에서 {max} 사이여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="166" />
            <source>The learning rate must be a number above 0 and at most 10000.</source>
            <translation>학습률은 0보다 크고 10000 이하인 숫자여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="169" />
            <source>The optimizer must be "sgd" or "adam".</source>
            <translation>옵티마이저는 "sgd" 또는 "adam"이어야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="170" />
            <source>Weight decay must be between 0 and 10000.</source>
            <translation>가중치 감쇠는 0에서 10000 사이여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="171" />
            <source>The batch size must be a whole number of at least 1.</source>
            <translation>배치 크기는 1 이상의 정수여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="172" />
            <source>The random seed must be a whole number from 0 to 2^63-1.</source>
            <translation>난수 시드는 0에서 2^63-1 사이의 정수여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="173" />
            <source>Give one initial weight per feature: {n} expected, {m} given.</source>
            <translation>초기 가중치는 특성마다 하나씩 입력하세요: {n}개가 필요한데 {m}개를 입력했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="176" />
            <source>Initial weights must be finite numbers.</source>
            <translation>초기 가중치는 유한한 숫자여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="177" />
            <source>The initial bias must be a finite number.</source>
            <translation>초기 편향은 유한한 숫자여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="178" />
            <source>The method must be "autograd" or "closed-form".</source>
            <translation>방법은 "autograd" 또는 "closed-form"이어야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="179" />
            <source>The closed-form path supports the SGD optimizer only.</source>
            <translation>닫힌 형식 경로는 SGD 옵티마이저만 지원합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="180" />
            <source>The saved settings are not valid: {why}</source>
            <translation>저장된 설정이 올바르지 않습니다: {why}</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="182" />
            <source>Training diverged at epoch {epoch}: {what} is no longer a finite number. Try a smaller learning rate or rescale the features; the last finite parameters were kept.</source>
            <translation>에포크 {epoch}에서 학습이 발산했습니다: {what}이(가) 더 이상 유한한 숫자가 아닙니다. 학습률을 낮추거나 특성의 스케일을 조정해 보세요. 마지막으로 유한했던 파라미터를 유지했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="188" />
            <source>The training process ended unexpectedly.</source>
            <translation>학습 프로세스가 예기치 않게 끝났습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="190" />
            <source>The file "{file}" is empty.</source>
            <translation>파일 "{file}"이(가) 비어 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="191" />
            <source>The text is empty.</source>
            <translation>텍스트가 비어 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="192" />
            <source>The file "{file}" has no data rows.</source>
            <translation>파일 "{file}"에 데이터 행이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="193" />
            <source>The file "{file}" has only a header and no data rows.</source>
            <translation>파일 "{file}"에 머리글만 있고 데이터 행이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="194" />
            <source>The text has no data rows.</source>
            <translation>텍스트에 데이터 행이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="195" />
            <source>The text has only a header and no data rows.</source>
            <translation>텍스트에 머리글만 있고 데이터 행이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="196" />
            <source>The file "{file}" could not be read: {why}.</source>
            <translation>파일 "{file}"을(를) 읽을 수 없습니다: {why}.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="197" />
            <source>The file "{file}" is not a text file (UTF-8 CSV expected).</source>
            <translation>파일 "{file}"은(는) 텍스트 파일이 아닙니다(UTF-8 CSV가 필요합니다).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="198" />
            <source>The file "{file}" is not a text file (UTF-8 CSV expected): line {line} has bytes that are not UTF-8.</source>
            <translation>파일 "{file}"은(는) 텍스트 파일이 아닙니다(UTF-8 CSV가 필요합니다): {line}번째 줄에 UTF-8이 아닌 바이트가 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="203" />
            <source>The file "{file}" needs at least one feature column and a label column, but line {line} has only one column (no comma, semicolon or tab).</source>
            <translation>파일 "{file}"에는 특성 열이 하나 이상, 그리고 레이블 열이 있어야 하는데 {line}번째 줄에는 열이 하나뿐입니다(쉼표, 세미콜론, 탭이 없음).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="208" />
            <source>The text needs at least one feature column and a label column, but line {line} has only one column (no comma, semicolon or tab).</source>
            <translation>텍스트에는 특성 열이 하나 이상, 그리고 레이블 열이 있어야 하는데 {line}번째 줄에는 열이 하나뿐입니다(쉼표, 세미콜론, 탭이 없음).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="214" />
            <source>Line {line} contains a NUL character.</source>
            <translation>{line}번째 줄에 NUL 문자가 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="215" />
            <source>Line {line}: column {j} has no name in the header.</source>
            <translation>{line}번째 줄: 머리글에서 {j}번째 열에 이름이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="216" />
            <source>Line {line}: the header uses the name "{name}" twice (columns {a} and {b}).</source>
            <translation>{line}번째 줄: 머리글에 "{name}"이라는 이름이 두 번 있습니다({a}번째와 {b}번째 열).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="220" />
            <source>Line {line} could not be split into cells: {why}.</source>
            <translation>{line}번째 줄을 셀로 나눌 수 없습니다: {why}.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="221" />
            <source>Line {line}: expected {n} cells, found {m}.</source>
            <translation>{line}번째 줄: 셀이 {n}개여야 하는데 {m}개입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="222" />
            <source>Line {line} repeats the header.</source>
            <translation>{line}번째 줄이 머리글을 반복합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="223" />
            <source>Line {line}, column {col} is empty.</source>
            <translation>{line}번째 줄, {col} 열이 비어 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="224" />
            <source>Line {line}, column {col}: {cell} is not a number (missing values are not supported).</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 숫자가 아닙니다(결측값은 지원하지 않습니다).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="228" />
            <source>Line {line}, column {col}: {cell} is infinite; only finite numbers are allowed.</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 무한대입니다. 유한한 숫자만 쓸 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="232" />
            <source>Line {line}, column {col}: {cell} is too large for a 64-bit float (the limit is about 1.8e308).</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 64비트 부동소수점으로 나타내기에 너무 큽니다(한계는 약 1.8e308).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="237" />
            <source>Line {line}, column {col}: {cell} is not a number (write {a} if "," separates thousands, or {b} if it is a decimal comma).</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 숫자가 아닙니다("," 가 천 단위 구분자라면 {a}, 소수점이라면 {b}(으)로 쓰세요).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="242" />
            <source>Line {line}, column {col}: {cell} is not a number (write it without thousands separators: {a}).</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 숫자가 아닙니다(천 단위 구분자 없이 쓰세요: {a}).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="247" />
            <source>Line {line}, column {col}: {cell} is not a number (write it as {a}).</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 숫자가 아닙니다({a}(으)로 쓰세요).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="250" />
            <source>Line {line}, column {col}: {cell} is not a number (use "." as the decimal point: {a}).</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 숫자가 아닙니다(소수점은 "."을 쓰세요: {a}).</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="254" />
            <source>Line {line}, column {col}: {cell} is not a number.</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 숫자가 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="255" />
            <source>Line {line}, column {col}: {cell} is not a valid label; use 0/1, true/false, yes/no or pass/fail.</source>
            <translation>{line}번째 줄, {col} 열: {cell}은(는) 올바른 레이블이 아닙니다. 0/1, true/false, yes/no 또는 pass/fail을 쓰세요.</translation>
        </message>
        <message>
            <location filename="../../gui/i18n.py" line="260" />
            <source>{cell} is not a label; use 0/1, true/false, yes/no or pass/fail.</source>
            <translation>{cell}은(는) 레이블이 아닙니다. 0/1, true/false, yes/no 또는 pass/fail을 쓰세요.</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../gui/crash.py" line="285" />
            <source>Unexpected error</source>
            <translation>예기치 않은 오류</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="287" />
            <source>Something went wrong, but the application is still running.</source>
            <translation>문제가 발생했지만 애플리케이션은 계속 실행 중입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="289" />
            <source>You can keep working, or save your work and quit.</source>
            <translation>계속 작업하거나, 작업을 저장하고 종료할 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="291" />
            <source>The details were saved to:</source>
            <translation>자세한 내용을 저장한 위치:</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="294" />
            <source>Continue</source>
            <translation>계속</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="295" />
            <source>Quit</source>
            <translation>종료</translation>
        </message>
    </context>
    <context>
        <name>CurvePlot</name>
        <message>
            <location filename="../../gui/plots.py" line="278" />
            <source>Probability of passing</source>
            <translation>합격 확률</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="282" />
            <source>data</source>
            <translation>데이터</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="285" />
            <source>model</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="288" />
            <source>exact fit</source>
            <translation>정확한 적합</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="431" />
            <source>{n} data points, {k} of them 1.</source>
            <translation>데이터 {n}개, 그중 1은 {k}개.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="434" />
            <source>No trained model yet.</source>
            <translation>아직 학습된 모델이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="437" />
            <source>Curve: {p}% at {value}.</source>
            <translation>곡선: {value}에서 {p}%.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="471" />
            <source>Hours studied</source>
            <translation>공부 시간</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="485" />
            <source>hours</source>
            <translation>시간</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="487" />
            <source>about {value} {unit} needed to pass</source>
            <translation>합격하려면 약 {value} {unit} 필요</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="507" />
            <source>completely</source>
            <translation>완전</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="508" />
            <source>quasi-completely</source>
            <translation>준완전</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="511" />
            <source>The data are {kind} separable, so no finite exact fit exists: the likelihood keeps rising as the curve gets steeper, which is why SGD never settles. Dashed: the L2-penalised fit (C = {c:g}).</source>
            <translation>데이터가 {kind} 분리 가능하므로 유한한 정확한 적합이 없습니다: 곡선이 가팔라질수록 가능도가 계속 커지기 때문에 SGD가 수렴하지 않습니다. 점선: L2 벌점 적합 (C = {c:g}).</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="517" />
            <source>The data are {kind} separable, so no finite exact fit exists: the likelihood keeps rising as the curve gets steeper, which is why SGD never settles. Dashed: Firth's penalised-likelihood fit, which always exists (see Statistics).</source>
            <translation>데이터가 {kind} 분리 가능하므로 유한한 정확한 적합이 없습니다: 곡선이 가팔라질수록 가능도가 계속 커지기 때문에 SGD가 수렴하지 않습니다. 점선: 항상 존재하는 Firth 벌점 가능도 적합 (통계 참고).</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="524" />
            <source>Dashed: the L2-penalised exact fit (C = {c:g}).</source>
            <translation>점선: L2 벌점 정확한 적합 (C = {c:g}).</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="526" />
            <source>Dashed: the exact maximum-likelihood fit.</source>
            <translation>점선: 정확한 최대 가능도 적합.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="529" />
            <source>No exact fit: {why}</source>
            <translation>정확한 적합 없음: {why}</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="534" />
            <source>Score w·x + b</source>
            <translation>점수 w·x + b</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="542" />
            <source>Train the model to see the data against its score.</source>
            <translation>모델을 학습시키면 점수에 따른 데이터를 볼 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="553" />
            <source>score {z} ⇒ p = {t:g}</source>
            <translation>점수 {z} ⇒ p = {t:g}</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="557" />
            <source>{d} features: probability against the model's score.</source>
            <translation>특성 {d}개: 모델 점수에 따른 확률.</translation>
        </message>
    </context>
    <context>
        <name>DataPanel</name>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="103" />
            <source>Data table</source>
            <translation>데이터 표</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="108" />
            <source>&amp;Add row</source>
            <translation>행 추가(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="109" />
            <source>Add an empty row at the end (Insert key inserts above).</source>
            <translation>맨 끝에 빈 행을 추가합니다(Insert 키는 위에 삽입합니다).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="114" />
            <source>Delete rows</source>
            <translation>행 삭제</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="115" />
            <source>Delete the selected rows (Delete key).</source>
            <translation>선택한 행을 삭제합니다(Delete 키).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="120" />
            <source>Add feat&amp;ure</source>
            <translation>특성 추가(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="121" />
            <source>Add another input variable (feature column).</source>
            <translation>입력 변수(특성 열)를 하나 더 추가합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="126" />
            <source>Re&amp;move feature</source>
            <translation>특성 제거(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="127" />
            <source>Remove the selected feature column.</source>
            <translation>선택한 특성 열을 제거합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="157" />
            <source>{n} rows, {d} feature(s).</source>
            <translation>{n}개 행, 특성 {d}개.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="182" />
            <source>The table needs at least one feature column.</source>
            <translation>표에는 특성 열이 하나 이상 있어야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="189" />
            <source>Pasted; {n} cell(s) past the last column were left out (add a feature column first).</source>
            <translation>붙여넣었습니다. 마지막 열을 넘는 셀 {n}개는 빠졌습니다(먼저 특성 열을 추가하세요).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="207" />
            <source>Rename column</source>
            <translation>열 이름 바꾸기</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="207" />
            <source>New name:</source>
            <translation>새 이름:</translation>
        </message>
        <message>
            <location filename="../../gui/panels/data_panel.py" line="214" />
            <source>A column is already called "{n}".</source>
            <translation>"{n}"(이)라는 열이 이미 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>DataTableModel</name>
        <message>
            <location filename="../../gui/table_model.py" line="150" />
            <source>1 = passed, 0 = failed. Type 0/1, yes/no, true/false or pass/fail.</source>
            <translation>1 = 합격, 0 = 불합격. 0/1, yes/no, true/false 또는 pass/fail을 입력하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="161" />
            <source>The label: 1 if the student passed, 0 if not.</source>
            <translation>레이블: 학생이 합격했으면 1, 아니면 0.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="162" />
            <source>A feature (input variable). Double-click the header to rename.</source>
            <translation>특성(입력 변수)입니다. 머리글을 두 번 클릭하면 이름을 바꿀 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="172" />
            <source>Hours studied</source>
            <translation>공부 시간</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="175" />
            <source>Passed</source>
            <translation>합격</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="188" />
            <source>Row {row}, "{col}"</source>
            <translation>{row}행, "{col}"</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="192" />
            <source>{where}: the cell is empty.</source>
            <translation>{where}: 셀이 비어 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="194" />
            <source>{where}: "{text}" is not a label; use 0 or 1 (or yes/no, true/false, pass/fail).</source>
            <translation>{where}: "{text}"은(는) 레이블이 아닙니다. 0 또는 1(또는 yes/no, true/false, pass/fail)을 사용하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="197" />
            <source>{where}: "{text}" is not a finite number.</source>
            <translation>{where}: "{text}"은(는) 유한한 숫자가 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="202" />
            <source>The table has no rows; add some data.</source>
            <translation>표에 행이 없습니다. 데이터를 추가하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="208" />
            <source>(and {n} more invalid cells)</source>
            <translation>(그 밖에 잘못된 셀 {n}개)</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="217" />
            <source>All labels are {v}: the model can only learn to say {v} to everything.</source>
            <translation>모든 레이블이 {v}입니다: 모델은 모든 입력에 {v}라고 답하는 것만 배울 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="276" />
            <source>Edit cell</source>
            <translation>셀 편집</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="322" />
            <location filename="../../gui/table_model.py" line="334" />
            <source>Paste</source>
            <translation>붙여넣기</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="373" />
            <source>Insert rows</source>
            <translation>행 삽입</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="402" />
            <source>Delete rows</source>
            <translation>행 삭제</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="444" />
            <source>Add column</source>
            <translation>열 추가</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="466" />
            <source>Remove column</source>
            <translation>열 제거</translation>
        </message>
        <message>
            <location filename="../../gui/table_model.py" line="497" />
            <source>Rename column</source>
            <translation>열 이름 바꾸기</translation>
        </message>
    </context>
    <context>
        <name>DocumentController</name>
        <message>
            <location filename="../../gui/controllers/documents.py" line="71" />
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="89" />
            <source>Open project</source>
            <translation>프로젝트 열기</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="91" />
            <source>Logistic Regression Studio projects (*{s});;CSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>Logistic Regression Studio 프로젝트 (*{s});;CSV 파일 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="106" />
            <location filename="../../gui/controllers/documents.py" line="115" />
            <source>Cannot open the project</source>
            <translation>프로젝트를 열 수 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="107" />
            <source>Stop training before opening another project.</source>
            <translation>다른 프로젝트를 열기 전에 학습을 멈추세요.</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="131" />
            <source>Opened {name}.</source>
            <translation>{name}을(를) 열었습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="145" />
            <source>study</source>
            <translation>공부</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="149" />
            <source>Save project</source>
            <translation>프로젝트 저장</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="151" />
            <source>Logistic Regression Studio projects (*{s})</source>
            <translation>Logistic Regression Studio 프로젝트 (*{s})</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="165" />
            <source>Cannot save the project</source>
            <translation>프로젝트를 저장할 수 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="170" />
            <source>Saved {name}.</source>
            <translation>{name}을(를) 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="178" />
            <location filename="../../gui/controllers/documents.py" line="201" />
            <location filename="../../gui/controllers/documents.py" line="229" />
            <source>Import CSV</source>
            <translation>CSV 가져오기</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="180" />
            <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>CSV 파일 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="198" />
            <source>Reading {name}…</source>
            <translation>{name} 읽는 중…</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="198" />
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="213" />
            <source>Importing {name}…</source>
            <translation>{name} 가져오는 중…</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="232" />
            <source>Imported {n} rows from {name}.</source>
            <translation>{name}에서 {n}개 행을 가져왔습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="242" />
            <source>Import failed: nothing was changed</source>
            <translation>가져오기 실패: 아무것도 바뀌지 않았습니다</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="255" />
            <source>Import cancelled: nothing was changed.</source>
            <translation>가져오기를 취소했습니다: 아무것도 바뀌지 않았습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="267" />
            <source>Export CSV</source>
            <translation>CSV 내보내기</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="269" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="278" />
            <location filename="../../gui/controllers/documents.py" line="287" />
            <source>Cannot export CSV</source>
            <translation>CSV를 내보낼 수 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="289" />
            <source>Exported {name}.</source>
            <translation>{name}을(를) 내보냈습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="296" />
            <source>No model yet</source>
            <translation>아직 모델이 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="296" />
            <source>Train the model first.</source>
            <translation>먼저 모델을 학습시키세요.</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="300" />
            <source>Export model</source>
            <translation>모델 내보내기</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="302" />
            <source>Model files (*.json)</source>
            <translation>모델 파일 (*.json)</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="313" />
            <source>Cannot save the model</source>
            <translation>모델을 저장할 수 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="318" />
            <source>Restore example data</source>
            <translation>예제 데이터 복원</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="350" />
            <source>File not found</source>
            <translation>파일을 찾을 수 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/controllers/documents.py" line="350" />
            <source>{p} no longer exists.</source>
            <translation>{p}이(가) 더 이상 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>EvaluationPanel</name>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="66" />
            <source>Confusion matrix</source>
            <translation>혼동 행렬</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="68" />
            <source>Metrics</source>
            <translation>지표</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="71" />
            <source>ROC curve</source>
            <translation>ROC 곡선</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="74" />
            <source>False-positive rate (1 − specificity)</source>
            <translation>거짓 양성률 (1 − 특이도)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="75" />
            <source>True-positive rate (recall)</source>
            <translation>참 양성률 (재현율)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="81" />
            <source>ROC</source>
            <translation>ROC</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="84" />
            <source>threshold</source>
            <translation>임계값</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="89" />
            <source>Youden</source>
            <translation>Youden</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="94" />
            <source>Calibration plot</source>
            <translation>보정 그래프</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="97" />
            <source>Mean predicted probability</source>
            <translation>평균 예측 확률</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="98" />
            <source>Observed share of 1</source>
            <translation>관측된 1의 비율</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="107" />
            <source>Use Youden's threshold</source>
            <translation>Youden 임계값 사용</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="110" />
            <source>Set the threshold where sensitivity + specificity − 1 is largest.</source>
            <translation>민감도 + 특이도 − 1이 가장 큰 곳으로 임계값을 정합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="210" />
            <source>Metrics on the {pct}% of rows held out from training ({n} rows).</source>
            <translation>학습에서 제외한 {pct}%의 홀드아웃 행({n}개 행)에 대한 지표입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="213" />
            <source>Metrics on the training data ({n} rows): no rows are held out, so they flatter the model. Choose a hold-out share in the Training panel for an honest estimate.</source>
            <translation>학습 데이터({n}개 행)에 대한 지표입니다: 홀드아웃 행이 없어서 모델을 실제보다 좋게 보이게 합니다. 정직한 추정을 원하면 학습 패널에서 홀드아웃 비율을 정하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="221" />
            <source>Train the model to evaluate it.</source>
            <translation>평가하려면 모델을 학습시키세요.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="232" />
            <source>Threshold {t:g}.</source>
            <translation>임계값 {t:g}.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="235" />
            <source>Predicted 0</source>
            <translation>예측 0</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="235" />
            <source>Predicted 1</source>
            <translation>예측 1</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="237" />
            <source>Actual 0</source>
            <translation>실제 0</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="238" />
            <source>Actual 1</source>
            <translation>실제 1</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="248" />
            <source>Metric</source>
            <translation>지표</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="248" />
            <source>Value</source>
            <translation>값</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="256" />
            <source>Accuracy</source>
            <translation>정확도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="257" />
            <source>Precision</source>
            <translation>정밀도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="258" />
            <source>Recall (sensitivity)</source>
            <translation>재현율 (민감도)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="259" />
            <source>Specificity</source>
            <translation>특이도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="260" />
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="261" />
            <source>Balanced accuracy</source>
            <translation>균형 정확도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="262" />
            <source>Log-loss</source>
            <translation>로그 손실</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="263" />
            <source>Brier score</source>
            <translation>Brier 점수</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="278" />
            <source>AUC: — ({why})</source>
            <translation>AUC: — ({why})</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="281" />
            <source>, {pct}% CI {lo} – {hi} (DeLong)</source>
            <translation>, {pct}% 신뢰구간 {lo} – {hi} (DeLong)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="289" />
            <source>AUC {auc}{ci}</source>
            <translation>AUC {auc}{ci}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/evaluation_panel.py" line="296" />
            <source>Use Youden's threshold ({t})</source>
            <translation>Youden 임계값 사용 ({t})</translation>
        </message>
    </context>
    <context>
        <name>GenerateDataDialog</name>
        <message>
            <location filename="../../gui/generate_dialog.py" line="37" />
            <source>Generate data</source>
            <translation>데이터 생성</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="42" />
            <source>Separable</source>
            <translation>분리 가능</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="42" />
            <source>Nearly separable</source>
            <translation>거의 분리 가능</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="42" />
            <source>Overlapping</source>
            <translation>겹침</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="58" />
            <source>the preset's</source>
            <translation>프리셋 값</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="70" />
            <source>&amp;Scenario</source>
            <translation>시나리오(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="72" />
            <source>Separable: no finite exact fit; nearly separable: a few labels flipped; overlapping: labels drawn from the true model.</source>
            <translation>분리 가능: 유한한 정확한 적합이 없음, 거의 분리 가능: 레이블 몇 개를 뒤집음, 겹침: 참 모델에서 레이블을 뽑음.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="76" />
            <source>&amp;Rows</source>
            <translation>행 수(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="76" />
            <source>How many rows to generate.</source>
            <translation>생성할 행의 개수입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="78" />
            <source>True &amp;weight(s)</source>
            <translation>참 가중치(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="80" />
            <source>One per feature, comma-separated; their number is the number of features.</source>
            <translation>특성마다 하나씩, 쉼표로 구분합니다. 개수가 곧 특성의 개수입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="84" />
            <source>True &amp;bias</source>
            <translation>참 편향(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="84" />
            <source>The true model is P(pass) = σ(w·x + b).</source>
            <translation>참 모델은 P(합격) = σ(w·x + b)입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="86" />
            <source>&amp;Noise</source>
            <translation>노이즈(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="88" />
            <source>Share of labels flipped, 0 to 0.5; empty: the scenario's default.</source>
            <translation>뒤집을 레이블의 비율, 0에서 0.5까지. 비워 두면 시나리오의 기본값입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="91" />
            <source>Class &amp;balance</source>
            <translation>클래스 균형(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="93" />
            <source>Wanted share of 1s, strictly between 0 and 1.</source>
            <translation>원하는 1의 비율, 0과 1 사이(양 끝 제외)입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="96" />
            <source>S&amp;eed</source>
            <translation>시드(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="98" />
            <source>The same seed and settings give the same data.</source>
            <translation>시드와 설정이 같으면 같은 데이터가 생성됩니다.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="111" />
            <source>Replace the table</source>
            <translation>표 바꾸기</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="135" />
            <source>{name}: "{t}" is not a number.</source>
            <translation>{name}: "{t}"은(는) 숫자가 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="143" />
            <source>True weight(s): give numbers separated by commas.</source>
            <translation>참 가중치: 쉼표로 구분한 숫자를 입력하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="145" />
            <source>True weight(s): give at least one number.</source>
            <translation>참 가중치: 숫자를 하나 이상 입력하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="150" />
            <source>True bias</source>
            <translation>참 편향</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="152" />
            <source>Noise</source>
            <translation>노이즈</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="153" />
            <source>Class balance</source>
            <translation>클래스 균형</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="176" />
            <source>separable</source>
            <translation>분리 가능</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="177" />
            <source>quasi-separable</source>
            <translation>준분리 가능</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="178" />
            <source>overlapping</source>
            <translation>겹침</translation>
        </message>
        <message>
            <location filename="../../gui/generate_dialog.py" line="181" />
            <source>{n} rows, {k} passed, {kind}</source>
            <translation>{n}개 행, 합격 {k}개, {kind}</translation>
        </message>
    </context>
    <context>
        <name>LandscapePanel</name>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="342" />
            <source>No rows to draw the loss for.</source>
            <translation>손실을 그릴 행이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="380" />
            <source>The loss surface could not be computed: {why}</source>
            <translation>손실 표면을 계산할 수 없습니다: {why}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="591" />
            <source>★ the exact optimum (maximum likelihood).</source>
            <translation>★ 정확한 최적점 (최대 가능도).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="594" />
            <source>The data are separable: no finite optimum exists and the loss keeps falling along the dashed arrow. ★ Firth's penalised optimum.</source>
            <translation>데이터가 분리 가능합니다: 유한한 최적점이 없고 손실은 점선 화살표를 따라 계속 줄어듭니다. ★ Firth 벌점 최적점.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="601" />
            <source>The data are separable: no finite optimum exists and the loss keeps falling along the dashed arrow.</source>
            <translation>데이터가 분리 가능합니다: 유한한 최적점이 없고 손실은 점선 화살표를 따라 계속 줄어듭니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="614" />
            <source>Other parameters held at: {values}.</source>
            <translation>나머지 파라미터 고정값: {values}.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="671" />
            <source>{a} = {av:.6g}, {b} = {bv:.6g}: loss {loss:.6f}</source>
            <translation>{a} = {av:.6g}, {b} = {bv:.6g}: 손실 {loss:.6f}</translation>
        </message>
    </context>
    <context>
        <name>LandscapeView</name>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="112" />
            <source>Loss landscape</source>
            <translation>손실 지형</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="114" />
            <source>The loss over two parameters. Click to start training from that point.</source>
            <translation>두 파라미터에 대한 손실입니다. 클릭하면 그 지점에서 학습을 시작합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="131" />
            <source>this run</source>
            <translation>이번 실행</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="146" />
            <source>start</source>
            <translation>시작</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="147" />
            <source>now</source>
            <translation>현재</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="155" />
            <source>&amp;Across:</source>
            <translation>가로축(&amp;A):</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="157" />
            <source>&amp;Up:</source>
            <translation>세로축(&amp;U):</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="159" />
            <source>Parameter across</source>
            <translation>가로축 파라미터</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="160" />
            <source>Parameter up</source>
            <translation>세로축 파라미터</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="161" />
            <source>The parameter on the horizontal axis.</source>
            <translation>가로축의 파라미터입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="163" />
            <source>The parameter on the vertical axis; the others stay at their current values.</source>
            <translation>세로축의 파라미터입니다. 나머지 파라미터는 현재 값으로 고정합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/landscape_panel.py" line="167" />
            <source>Hover over the surface to read the loss.</source>
            <translation>표면 위에 마우스를 올리면 손실을 읽을 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>LossPanel</name>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="33" />
            <source>Loss per epoch</source>
            <translation>에포크별 손실</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="34" />
            <source>Log scale</source>
            <translation>로그 스케일</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="36" />
            <source>Show the loss on a logarithmic axis.</source>
            <translation>손실을 로그 축으로 보여 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="39" />
            <source>Hover over the curve to read a loss.</source>
            <translation>곡선 위에 마우스를 올리면 손실을 읽을 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="42" />
            <source>E&amp;xport…</source>
            <translation>내보내기(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="44" />
            <source>Save the loss curve as PNG, SVG or CSV.</source>
            <translation>손실 곡선을 PNG, SVG 또는 CSV로 저장합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="68" />
            <source>Export loss curve</source>
            <translation>손실 곡선 내보내기</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="70" />
            <source>PNG image (*.png);;SVG image (*.svg);;CSV table (*.csv)</source>
            <translation>PNG 이미지 (*.png);;SVG 이미지 (*.svg);;CSV 표 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/loss_panel.py" line="77" />
            <source>Cannot export the loss curve</source>
            <translation>손실 곡선을 내보낼 수 없습니다</translation>
        </message>
    </context>
    <context>
        <name>LossPlot</name>
        <message>
            <location filename="../../gui/plots.py" line="54" />
            <source>Epoch</source>
            <translation>에포크</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="55" />
            <source>Loss (BCE)</source>
            <translation>손실 (BCE)</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="62" />
            <source>training</source>
            <translation>학습</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="81" />
            <source>Loss after each epoch. Scroll to zoom, drag to pan, right-click to export.</source>
            <translation>각 에포크 후의 손실입니다. 스크롤하면 확대/축소, 끌면 이동, 오른쪽 클릭하면 내보내기.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="139" />
            <source>held out</source>
            <translation>홀드아웃</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="161" />
            <source>this run</source>
            <translation>이번 실행</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="199" />
            <source>No training yet: the loss appears here, one point per epoch.</source>
            <translation>아직 학습하지 않았습니다: 에포크마다 한 점씩 손실이 여기에 나타납니다.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="200" />
            <source>Loss fell from {first} to {last} over {n} epochs.</source>
            <translation>{n} 에포크 동안 손실이 {first}에서 {last}(으)로 줄었습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="204" />
            <source>Loss rose from {first} to {last} over {n} epochs.</source>
            <translation>{n} 에포크 동안 손실이 {first}에서 {last}(으)로 늘었습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="209" />
            <source>Held-out loss: {last}.</source>
            <translation>홀드아웃 손실: {last}.</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="229" />
            <source>Epoch {epoch}: loss {loss:.6f}</source>
            <translation>에포크 {epoch}: 손실 {loss:.6f}</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="253" />
            <source>Loss per epoch</source>
            <translation>에포크별 손실</translation>
        </message>
        <message>
            <location filename="../../gui/plots.py" line="264" />
            <source>Choose a .png, .svg or .csv file name.</source>
            <translation>.png, .svg 또는 .csv 파일 이름을 고르세요.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../gui/dialogs.py" line="34" />
            <source>Unsaved changes</source>
            <translation>저장하지 않은 변경 사항</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="35" />
            <source>Save the changes to {name}?</source>
            <translation>{name}의 변경 사항을 저장할까요?</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="36" />
            <source>Your changes will be lost if you don't save them.</source>
            <translation>저장하지 않으면 변경 사항이 사라집니다.</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="108" />
            <source>About Logistic Regression Studio</source>
            <translation>Logistic Regression Studio 정보</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="110" />
            <source>&lt;h3&gt;Logistic Regression Studio {v}&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Logistic Regression Studio {v}&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="112" />
            <source>Train a PyTorch logistic regression on your own data and see how it learns: the loss, the fitted curve, the hours needed to pass, and the exact fit beside it.&lt;br&gt;&lt;br&gt;It grows out of a Korean blog post on lecture 06 of “PyTorch Zero To All”, and gives exactly the post's numbers for the same starting values.</source>
            <translation>내 데이터로 PyTorch 로지스틱 회귀를 학습시키고 어떻게 학습되는지 살펴보세요: 손실, 적합된 곡선, 합격에 필요한 공부 시간, 그리고 그 옆의 정확한 적합.&lt;br&gt;&lt;br&gt;“PyTorch Zero To All” 6강을 다룬 한국어 블로그 포스트에서 출발했으며, 같은 초깃값이면 포스트의 숫자를 정확히 그대로 냅니다.</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="106" />
            <source>Data</source>
            <translation>데이터</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="107" />
            <source>Training</source>
            <translation>학습</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="108" />
            <source>The model: probability of passing</source>
            <translation>모델: 합격 확률</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="109" />
            <source>Loss per epoch</source>
            <translation>에포크별 손실</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="110" />
            <source>Will this pass?</source>
            <translation>합격할까?</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="111" />
            <source>Statistics</source>
            <translation>통계</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="112" />
            <source>Evaluation</source>
            <translation>평가</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="113" />
            <source>Loss landscape</source>
            <translation>손실 지형</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="114" />
            <source>One step</source>
            <translation>한 스텝</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="115" />
            <source>Runs side by side</source>
            <translation>실행 비교</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="129" />
            <source>Ready. Press Train to fit the model.</source>
            <translation>준비되었습니다. 학습을 눌러 모델을 적합하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="277" />
            <location filename="../../gui/main_window.py" line="314" />
            <source>Training…</source>
            <translation>학습 중…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="312" />
            <source>Paused at epoch {n}.</source>
            <translation>에포크 {n}에서 일시 정지했습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="330" />
            <source>Model reset: the next run starts from new initial parameters.</source>
            <translation>모델을 초기화했습니다: 다음 실행은 새 초기 파라미터에서 시작합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="350" />
            <source> · seed {seed}</source>
            <translation> · 시드 {seed}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="354" />
            <source>Trained {n} epochs in {t}; final loss {loss:.4f}{seed}.</source>
            <translation>{t} 동안 {n} 에포크를 학습했습니다. 최종 손실 {loss:.4f}{seed}.</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="361" />
            <source>Stopped after {n} epochs; the model so far is kept{seed}.</source>
            <translation>{n} 에포크 후 정지했습니다. 지금까지의 모델을 유지합니다{seed}.</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="365" />
            <source>Training failed: {why}</source>
            <translation>학습 실패: {why}</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="32" />
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="34" />
            <source>&amp;New</source>
            <translation>새로 만들기(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="35" />
            <source>&amp;Open project…</source>
            <translation>프로젝트 열기(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="37" />
            <source>Open &amp;recent</source>
            <translation>최근 파일 열기(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="41" />
            <source>&amp;Save project</source>
            <translation>프로젝트 저장(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="42" />
            <source>Save project &amp;as…</source>
            <translation>다른 이름으로 프로젝트 저장(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="44" />
            <source>&amp;Import CSV…</source>
            <translation>CSV 가져오기(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="45" />
            <source>&amp;Export CSV…</source>
            <translation>CSV 내보내기(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="46" />
            <source>Export &amp;model…</source>
            <translation>모델 내보내기(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="47" />
            <source>Save the trained model as JSON for `main.py predict`.</source>
            <translation>학습된 모델을 `main.py predict`용 JSON으로 저장합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="48" />
            <source>Restore e&amp;xample data</source>
            <translation>예제 데이터 복원(&amp;X)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="49" />
            <source>Export &amp;report…</source>
            <translation>보고서 내보내기(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="50" />
            <source>Save one HTML file with the data, settings, tables and plots.</source>
            <translation>데이터, 설정, 표와 그래프를 HTML 파일 하나로 저장합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="52" />
            <source>&amp;Quit</source>
            <translation>종료(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="58" />
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="59" />
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="62" />
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="68" />
            <source>&amp;Copy</source>
            <translation>복사(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="69" />
            <source>&amp;Paste</source>
            <translation>붙여넣기(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="71" />
            <source>&amp;Insert row</source>
            <translation>행 삽입(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="72" />
            <source>&amp;Delete rows</source>
            <translation>행 삭제(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="73" />
            <source>Add &amp;feature column</source>
            <translation>특성 열 추가(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="74" />
            <source>Re&amp;move feature column</source>
            <translation>특성 열 제거(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="75" />
            <source>Re&amp;name column…</source>
            <translation>열 이름 바꾸기(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="80" />
            <source>&amp;Data</source>
            <translation>데이터(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="82" />
            <source>&amp;Generate data…</source>
            <translation>데이터 생성(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="85" />
            <source>&amp;Training</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="87" />
            <source>&amp;Train</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="88" />
            <source>&amp;Pause / resume</source>
            <translation>일시 정지 / 재개(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="89" />
            <source>&amp;Stop</source>
            <translation>정지(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="90" />
            <source>&amp;Reset model</source>
            <translation>모델 초기화(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="92" />
            <source>Use the post's starting &amp;values</source>
            <translation>포스트의 초깃값 사용(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="95" />
            <source>Show the &amp;code…</source>
            <translation>코드 보기(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="100" />
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="101" />
            <source>&amp;Log-scale loss</source>
            <translation>손실 로그 스케일(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="108" />
            <source>&amp;Export loss curve…</source>
            <translation>손실 곡선 내보내기(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="113" />
            <source>&amp;Panels</source>
            <translation>패널(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="120" />
            <source>&amp;Reset layout</source>
            <translation>레이아웃 초기화(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="122" />
            <source>Zoom &amp;in</source>
            <translation>확대(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="123" />
            <source>Zoom &amp;out</source>
            <translation>축소(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="124" />
            <source>&amp;Actual size</source>
            <translation>실제 크기(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="132" />
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="134" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>키보드 단축키(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="136" />
            <source>&amp;About Logistic Regression Studio</source>
            <translation>Logistic Regression Studio 정보(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="137" />
            <source>About &amp;Qt</source>
            <translation>Qt 정보(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="142" />
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/menus.py" line="146" />
            <source>System</source>
            <translation>시스템 설정</translation>
        </message>
    </context>
    <context>
        <name>ModelPanel</name>
        <message>
            <location filename="../../gui/panels/model_panel.py" line="20" />
            <source>Fitted curve</source>
            <translation>적합 곡선</translation>
        </message>
        <message>
            <location filename="../../gui/panels/model_panel.py" line="45" />
            <source>Computing the exact fit… {pct}%</source>
            <translation>정확한 적합 계산 중… {pct}%</translation>
        </message>
    </context>
    <context>
        <name>PredictionPanel</name>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="34" />
            <source>Probability above which the answer is PASS (the post: 0.5).</source>
            <translation>이 확률보다 크면 합격으로 판정합니다(포스트: 0.5).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="38" />
            <source>Th&amp;reshold</source>
            <translation>임계값(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="40" />
            <source>Threshold</source>
            <translation>임계값</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="46" />
            <source>Prediction</source>
            <translation>예측</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="86" />
            <source>Value of {name} to predict for.</source>
            <translation>예측할 {name} 값입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="139" />
            <source>The threshold must be a number between 0 and 1, e.g. 0.5.</source>
            <translation>임계값은 0과 1 사이의 숫자여야 합니다(예: 0.5).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="143" />
            <source>Train the model, then type a number of hours to see whether it passes.</source>
            <translation>모델을 학습시킨 뒤 공부 시간을 입력하면 합격 여부를 볼 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="148" />
            <source>The model was trained on {m} feature(s) but the table has {d}: train again.</source>
            <translation>모델은 특성 {m}개로 학습했지만 표에는 {d}개가 있습니다: 다시 학습하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="158" />
            <source>PASS</source>
            <translation>합격</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="158" />
            <source>FAIL</source>
            <translation>불합격</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="161" />
            <source>hour</source>
            <translation>시간</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="161" />
            <source>hours</source>
            <translation>시간</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="162" />
            <source>After {x} {unit}:</source>
            <translation>{x} {unit}일 때:</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="164" />
            <source>For these values:</source>
            <translation>이 값들일 때:</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="167" />
            <source>(threshold {t:g})</source>
            <translation>(임계값 {t:g})</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="171" />
            <source>The weight is 0: no number of hours reaches the threshold.</source>
            <translation>가중치가 0입니다: 몇 시간을 공부해도 임계값에 닿지 않습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="174" />
            <source>About {b} hours needed to pass.</source>
            <translation>합격하려면 약 {b}시간이 필요합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="178" />
            <source>Passes below about {b} hours (the weight is negative).</source>
            <translation>약 {b}시간 미만이면 합격합니다(가중치가 음수).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="183" />
            <source>Passes when w·x + b &gt; {z}.</source>
            <translation>w·x + b &gt; {z}이면 합격합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="185" />
            <source>(The model is out of date: the data changed.)</source>
            <translation>(데이터가 바뀌어서 모델이 최신이 아닙니다.)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="196" />
            <source>Type a value for {name}.</source>
            <translation>{name} 값을 입력하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="198" />
            <source>{name}: "{text}" is not a number.</source>
            <translation>{name}: "{text}"은(는) 숫자가 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/prediction_panel.py" line="205" />
            <source>{name}: the value is too large.</source>
            <translation>{name}: 값이 너무 큽니다.</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <location filename="../../gui/report.py" line="82" />
            <source>Logistic Regression Studio {v}, {when}.</source>
            <translation>Logistic Regression Studio {v}, {when}.</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="84" />
            <source>Data</source>
            <translation>데이터</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="87" />
            <source>Rows</source>
            <translation>행 수</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="88" />
            <source>Features</source>
            <translation>특성</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="89" />
            <source>Label</source>
            <translation>레이블</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="90" />
            <source>Rows with label 1</source>
            <translation>레이블이 1인 행</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="93" />
            <source>Training</source>
            <translation>학습</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="120" />
            <source>Epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="121" />
            <source>Learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="122" />
            <source>Optimizer</source>
            <translation>옵티마이저</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="123" />
            <source>Weight decay</source>
            <translation>가중치 감쇠</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="124" />
            <source>Batch size</source>
            <translation>배치 크기</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="124" />
            <source>full batch</source>
            <translation>전체 배치</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="125" />
            <source>Method</source>
            <translation>방법</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="128" />
            <source>Seed used</source>
            <translation>사용한 시드</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="129" />
            <source>Epochs run</source>
            <translation>실행한 에포크</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="131" />
            <source>Final loss</source>
            <translation>최종 손실</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="135" />
            <source>Weights</source>
            <translation>가중치</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="135" />
            <source>Bias</source>
            <translation>편향</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="138" />
            <source>Decision boundary</source>
            <translation>결정 경계</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="139" />
            <source>Threshold</source>
            <translation>임계값</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="147" />
            <source>Export report</source>
            <translation>보고서 내보내기</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="148" />
            <source>report</source>
            <translation>보고서</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="149" />
            <source>HTML files (*.html)</source>
            <translation>HTML 파일 (*.html)</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="169" />
            <source>Logistic regression: {label}</source>
            <translation>로지스틱 회귀: {label}</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="181" />
            <source>Coefficients</source>
            <translation>계수</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="182" />
            <source>Model fit</source>
            <translation>모델 적합도</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="183" />
            <source>Confusion matrix</source>
            <translation>혼동 행렬</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="184" />
            <source>Metrics</source>
            <translation>지표</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="187" />
            <source>The model</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="188" />
            <source>Loss per epoch</source>
            <translation>에포크별 손실</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="189" />
            <source>ROC curve</source>
            <translation>ROC 곡선</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="190" />
            <source>Calibration</source>
            <translation>보정</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="196" />
            <source>Cannot save the report</source>
            <translation>보고서를 저장할 수 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/report.py" line="198" />
            <source>Report saved: {name}.</source>
            <translation>보고서를 저장했습니다: {name}.</translation>
        </message>
    </context>
    <context>
        <name>RunsPanel</name>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="143" />
            <source>Finished runs</source>
            <translation>끝난 실행</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="146" />
            <source>Run</source>
            <translation>실행</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="147" />
            <source>Optimizer</source>
            <translation>옵티마이저</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="148" />
            <source>Learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="149" />
            <source>Weight decay</source>
            <translation>가중치 감쇠</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="150" />
            <source>Batch</source>
            <translation>배치</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="151" />
            <source>Epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="152" />
            <source>Seed</source>
            <translation>시드</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="153" />
            <source>Final loss</source>
            <translation>최종 손실</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="154" />
            <source>Accuracy</source>
            <translation>정확도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="155" />
            <source>Weights</source>
            <translation>가중치</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="156" />
            <source>Bias</source>
            <translation>편향</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="160" />
            <source>Select runs to overlay their loss curves and paths; double-click a name to rename it.</source>
            <translation>실행을 선택하면 손실 곡선과 경로를 겹쳐 보여 줍니다. 이름을 두 번 클릭하면 바꿀 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="174" />
            <source>&amp;Delete run</source>
            <translation>실행 삭제(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="176" />
            <source>Forget the selected runs.</source>
            <translation>선택한 실행을 지웁니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="178" />
            <source>Re&amp;name</source>
            <translation>이름 바꾸기(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="180" />
            <source>Edit the selected run's name.</source>
            <translation>선택한 실행의 이름을 편집합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/runs_panel.py" line="223" />
            <source>full</source>
            <translation>전체</translation>
        </message>
    </context>
    <context>
        <name>SessionState</name>
        <message>
            <location filename="../../gui/session.py" line="188" />
            <source>No exact fit: {why}</source>
            <translation>정확한 적합 없음: {why}</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <location filename="../../gui/dialogs.py" line="52" />
            <source>Edit the current cell</source>
            <translation>현재 셀 편집</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="53" />
            <source>Insert a row above the current one</source>
            <translation>현재 행 위에 행 삽입</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="54" />
            <source>Delete the selected rows</source>
            <translation>선택한 행 삭제</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="55" />
            <source>Copy the selected cells (tab-separated)</source>
            <translation>선택한 셀 복사(탭으로 구분)</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="56" />
            <source>Paste cells from a spreadsheet</source>
            <translation>스프레드시트에서 셀 붙여넣기</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="57" />
            <source>Move to the next / previous control</source>
            <translation>다음 / 이전 컨트롤로 이동</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="60" />
            <source>The control or menu whose underlined letter it is</source>
            <translation>밑줄 친 글자에 해당하는 컨트롤이나 메뉴</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="70" />
            <location filename="../../gui/dialogs.py" line="73" />
            <source>Keyboard shortcuts</source>
            <translation>키보드 단축키</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="75" />
            <source>Keys</source>
            <translation>키</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="75" />
            <source>Action</source>
            <translation>동작</translation>
        </message>
    </context>
    <context>
        <name>StatisticsPanel</name>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="44" />
            <source>Maximum likelihood</source>
            <translation>최대 가능도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="45" />
            <source>Firth (penalised likelihood)</source>
            <translation>Firth (벌점 가능도)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="47" />
            <source>Maximum likelihood as statsmodels and most textbooks; Firth's penalised likelihood (R's logistf) always gives finite estimates, also when the data are separable.</source>
            <translation>최대 가능도는 statsmodels와 대부분의 교과서가 쓰는 방법입니다. Firth 벌점 가능도(R의 logistf)는 데이터가 분리 가능할 때에도 항상 유한한 추정값을 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="52" />
            <source>Fit method</source>
            <translation>적합 방법</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="60" />
            <source>Confidence level of the intervals.</source>
            <translation>구간의 신뢰수준입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="61" />
            <location filename="../../gui/panels/statistics_panel.py" line="62" />
            <source>Confidence level</source>
            <translation>신뢰수준</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="64" />
            <source>Method</source>
            <translation>방법</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="66" />
            <source>Use Firth</source>
            <translation>Firth 사용</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="69" />
            <source>Show Firth's penalised-likelihood fit, which is finite for separable data.</source>
            <translation>분리 가능한 데이터에서도 유한한 Firth 벌점 가능도 적합을 보여 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="77" />
            <source>Coefficients</source>
            <translation>계수</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="79" />
            <location filename="../../gui/panels/statistics_panel.py" line="104" />
            <source>Model fit</source>
            <translation>모델 적합도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="80" />
            <source>Copy as TSV</source>
            <translation>TSV로 복사</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="82" />
            <source>Copy both tables, tab-separated, for a spreadsheet.</source>
            <translation>두 표를 스프레드시트용으로 탭으로 구분해 복사합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="84" />
            <source>Copy as Markdown</source>
            <translation>Markdown으로 복사</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="86" />
            <source>Copy both tables as Markdown, for a report or a notebook.</source>
            <translation>두 표를 보고서나 노트북용 Markdown으로 복사합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="141" />
            <source>The exact fit appears here once the data are valid.</source>
            <translation>데이터가 올바르면 여기에 정확한 적합이 나타납니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="148" />
            <source>Computing Firth's fit…</source>
            <translation>Firth 적합 계산 중…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="155" />
            <source>Term</source>
            <translation>항</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="156" />
            <source>Estimate</source>
            <translation>추정값</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="157" />
            <source>Std. error</source>
            <translation>표준오차</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="158" />
            <source>z</source>
            <translation>z</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="159" />
            <source>p</source>
            <translation>p</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="160" />
            <source>{pct} CI low</source>
            <translation>{pct} 신뢰구간 하한</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="161" />
            <source>{pct} CI high</source>
            <translation>{pct} 신뢰구간 상한</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="162" />
            <source>Odds ratio</source>
            <translation>오즈비</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="163" />
            <source>OR CI low</source>
            <translation>오즈비 신뢰구간 하한</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="164" />
            <source>OR CI high</source>
            <translation>오즈비 신뢰구간 상한</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="165" />
            <source>Trained (PyTorch)</source>
            <translation>학습값 (PyTorch)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="166" />
            <source>Trained − exact</source>
            <translation>학습값 − 정확값</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="181" />
            <source>Estimates are in log-odds of {label} = 1: each unit of a feature adds its estimate to the log-odds, that is, multiplies the odds by its odds ratio.</source>
            <translation>추정값은 {label} = 1의 로그 오즈 단위입니다: 특성이 한 단위 늘 때마다 로그 오즈에 그 추정값이 더해집니다. 즉 오즈에 오즈비가 곱해집니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="224" />
            <source>completely</source>
            <translation>완전</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="224" />
            <source>quasi-completely</source>
            <translation>준완전</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="227" />
            <source>The data are {kind} separable: no finite maximum-likelihood estimate exists, so standard errors, z and p would be meaningless and are not shown.</source>
            <translation>데이터가 {kind} 분리 가능합니다: 유한한 최대 가능도 추정값이 없으므로 표준오차, z, p는 의미가 없어 보여 주지 않습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="234" />
            <source>{term} separates the classes: its estimate runs to {inf}.</source>
            <translation>{term}이(가) 클래스를 분리합니다: 추정값이 {inf}(으)로 발산합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="238" />
            <source>Firth's penalised likelihood gives finite estimates.</source>
            <translation>Firth 벌점 가능도는 유한한 추정값을 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="242" />
            <source>(intercept)</source>
            <translation>(절편)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="248" />
            <location filename="../../gui/panels/statistics_panel.py" line="310" />
            <source>Rows (n)</source>
            <translation>행 수 (n)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="249" />
            <location filename="../../gui/panels/statistics_panel.py" line="311" />
            <source>Events ({label} = 1)</source>
            <translation>사건 수 ({label} = 1)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="250" />
            <location filename="../../gui/panels/statistics_panel.py" line="314" />
            <source>Log-likelihood</source>
            <translation>로그 가능도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="251" />
            <source>Null log-likelihood</source>
            <translation>영모형 로그 가능도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="252" />
            <source>Deviance</source>
            <translation>이탈도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="253" />
            <source>Null deviance</source>
            <translation>영모형 이탈도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="254" />
            <source>LR χ² (vs intercept only)</source>
            <translation>LR χ² (절편만 있는 모형 대비)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="255" />
            <location filename="../../gui/panels/statistics_panel.py" line="316" />
            <source>LR df</source>
            <translation>LR 자유도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="256" />
            <location filename="../../gui/panels/statistics_panel.py" line="317" />
            <source>LR p</source>
            <translation>LR p</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="257" />
            <source>AIC</source>
            <translation>AIC</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="258" />
            <source>BIC</source>
            <translation>BIC</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="259" />
            <source>McFadden R²</source>
            <translation>McFadden R²</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="260" />
            <source>Cox–Snell R²</source>
            <translation>Cox–Snell R²</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="261" />
            <source>Nagelkerke R²</source>
            <translation>Nagelkerke R²</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="262" />
            <source>Tjur R²</source>
            <translation>Tjur R²</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="263" />
            <location filename="../../gui/panels/statistics_panel.py" line="318" />
            <source>Iterations</source>
            <translation>반복 횟수</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="264" />
            <location filename="../../gui/panels/statistics_panel.py" line="272" />
            <location filename="../../gui/panels/statistics_panel.py" line="319" />
            <source>Converged</source>
            <translation>수렴</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="264" />
            <location filename="../../gui/panels/statistics_panel.py" line="319" />
            <source>yes</source>
            <translation>예</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="264" />
            <location filename="../../gui/panels/statistics_panel.py" line="319" />
            <source>no</source>
            <translation>아니요</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="266" />
            <location filename="../../gui/panels/statistics_panel.py" line="274" />
            <location filename="../../gui/panels/statistics_panel.py" line="322" />
            <source>Statistic</source>
            <translation>통계량</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="266" />
            <location filename="../../gui/panels/statistics_panel.py" line="274" />
            <location filename="../../gui/panels/statistics_panel.py" line="322" />
            <source>Value</source>
            <translation>값</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="270" />
            <source>Separation</source>
            <translation>분리</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="271" />
            <source>Log-likelihood (supremum)</source>
            <translation>로그 가능도 (상한)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="272" />
            <source>no: the estimates diverge</source>
            <translation>아니요: 추정값이 발산합니다</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="298" />
            <source>profile penalised likelihood</source>
            <translation>프로파일 벌점 가능도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="299" />
            <source>Wald</source>
            <translation>Wald</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="304" />
            <source>Firth's penalised likelihood (as R's logistf): standard errors from the penalised information, intervals by {ci}, p-values from penalised likelihood-ratio tests.</source>
            <translation>Firth 벌점 가능도(R의 logistf와 같음): 표준오차는 벌점 정보 행렬에서, 구간은 {ci}(으)로, p값은 벌점 가능도비 검정으로 구합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="312" />
            <source>Penalised log-likelihood</source>
            <translation>벌점 로그 가능도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="313" />
            <source>Null penalised log-likelihood</source>
            <translation>영모형 벌점 로그 가능도</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="315" />
            <source>Penalised LR χ²</source>
            <translation>벌점 LR χ²</translation>
        </message>
        <message>
            <location filename="../../gui/panels/statistics_panel.py" line="320" />
            <source>Separation (for maximum likelihood)</source>
            <translation>분리 (최대 가능도 기준)</translation>
        </message>
    </context>
    <context>
        <name>StepPanel</name>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="44" />
            <source>S&amp;tep</source>
            <translation>스텝(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="47" />
            <source>Run exactly one epoch (or one minibatch) from the current model and show what the loop computed in it (F10).</source>
            <translation>현재 모델에서 정확히 한 에포크(또는 미니배치 하나)를 실행하고 학습 루프가 계산한 값을 보여 줍니다(F10).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="54" />
            <source>One &amp;minibatch</source>
            <translation>미니배치 하나(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="57" />
            <source>Step one minibatch instead of a whole epoch (with a batch size set).</source>
            <translation>에포크 전체 대신 미니배치 하나만 진행합니다(배치 크기를 정했을 때).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="59" />
            <source>Press Step to run one epoch and see what it computed.</source>
            <translation>스텝을 누르면 한 에포크를 실행하고 계산한 값을 보여 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="64" />
            <source>The update of each parameter</source>
            <translation>각 파라미터의 업데이트</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="66" />
            <source>Each row's share of the loss and gradient</source>
            <translation>손실과 기울기에서 각 행이 차지하는 몫</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="70" />
            <source>Replay epoch</source>
            <translation>에포크 다시 보기</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="72" />
            <source>Replay any epoch: the curve, the landscape point, the loss and the prediction.</source>
            <translation>아무 에포크나 다시 봅니다: 곡선, 지형 위의 점, 손실, 예측.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="78" />
            <location filename="../../gui/panels/step_panel.py" line="269" />
            <source>Replay: nothing trained yet</source>
            <translation>다시 보기: 아직 학습한 것이 없습니다</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="81" />
            <source>Back to the &amp;end</source>
            <translation>끝으로 돌아가기(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="83" />
            <source>Show the trained model again.</source>
            <translation>학습된 모델을 다시 보여 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="132" />
            <source>Epoch {e}: loss {loss} (mean BCE over {n} rows, before the update)</source>
            <translation>에포크 {e}: 손실 {loss} ({n}개 행의 평균 BCE, 업데이트 전)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="136" />
            <source>; {k} minibatch steps, the update shown is the last one's</source>
            <translation>; 미니배치 스텝 {k}번, 보이는 업데이트는 마지막 스텝의 것입니다</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="140" />
            <source>One minibatch of {n} rows: loss {loss} before the update</source>
            <translation>{n}개 행의 미니배치 하나: 업데이트 전 손실 {loss}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="151" />
            <source>Quantity</source>
            <translation>항목</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="157" />
            <source>before</source>
            <translation>이전</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="158" />
            <source>∂L/∂θ from backward()</source>
            <translation>backward()의 ∂L/∂θ</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="163" />
            <source>+ weight decay {wd:g}·θ</source>
            <translation>+ 가중치 감쇠 {wd:g}·θ</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="167" />
            <source>= gradient used g</source>
            <translation>= 사용한 기울기 g</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="171" />
            <source>m ← 0.9·m + 0.1·g</source>
            <translation>m ← 0.9·m + 0.1·g</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="172" />
            <source>v ← 0.999·v + 0.001·g²</source>
            <translation>v ← 0.999·v + 0.001·g²</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="173" />
            <source>m̂ = m / (1 − 0.9^{t})</source>
            <translation>m̂ = m / (1 − 0.9^{t})</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="174" />
            <source>v̂ = v / (1 − 0.999^{t})</source>
            <translation>v̂ = v / (1 − 0.999^{t})</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="176" />
            <source>step lr·m̂/(√v̂ + ε), lr {lr:g}</source>
            <translation>스텝 lr·m̂/(√v̂ + ε), lr {lr:g}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="182" />
            <source>step lr·g, lr {lr:g}</source>
            <translation>스텝 lr·g, lr {lr:g}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="184" />
            <source>after: θ ← θ − step</source>
            <translation>이후: θ ← θ − 스텝</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="191" />
            <source>Rows</source>
            <translation>행</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="192" />
            <source>More rows than the detail limit: the totals above only.</source>
            <translation>행이 자세히 보여 줄 수 있는 한도보다 많습니다: 위의 합계만 보여 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="197" />
            <source>pull on w</source>
            <translation>w에 대한 당김</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="199" />
            <source>pull on w[{n}]</source>
            <translation>w[{n}]에 대한 당김</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="202" />
            <source>Row</source>
            <translation>행</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="207" />
            <source>loss share</source>
            <translation>손실 몫</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="210" />
            <source>pull on b</source>
            <translation>b에 대한 당김</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="213" />
            <source>Step</source>
            <translation>스텝</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="238" />
            <source>Each row's pull is minus its gradient, −∂L/∂z·x and −∂L/∂z: the direction in which it moves the parameters; the pulls add up to −∂L/∂θ.</source>
            <translation>각 행의 당김은 그 행의 기울기에 음수를 붙인 값(−∂L/∂z·x와 −∂L/∂z)으로, 그 행이 파라미터를 움직이는 방향입니다. 당김을 모두 더하면 −∂L/∂θ가 됩니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="271" />
            <source>Epoch {n} (the end)</source>
            <translation>에포크 {n} (끝)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/step_panel.py" line="274" />
            <source>Epoch {e} of {n}</source>
            <translation>에포크 {e} / {n}</translation>
        </message>
    </context>
    <context>
        <name>TeachingController</name>
        <message>
            <location filename="../../gui/teaching.py" line="202" />
            <source>Adam starts from fresh averages (m = v = 0) at this model.</source>
            <translation>Adam은 이 모델에서 새 평균(m = v = 0)으로 시작합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/teaching.py" line="229" />
            <source>The step made the numbers infinite: lower the learning rate.</source>
            <translation>이 스텝으로 값이 무한대가 되었습니다: 학습률을 낮추세요.</translation>
        </message>
        <message>
            <location filename="../../gui/teaching.py" line="237" />
            <source>The rows are shuffled with the seed {seed}, as in training.</source>
            <translation>학습할 때처럼 시드 {seed}(으)로 행을 섞습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/teaching.py" line="243" />
            <source>Stepped: epoch {e}, loss {loss:.4f}.</source>
            <translation>스텝 완료: 에포크 {e}, 손실 {loss:.4f}.</translation>
        </message>
        <message>
            <location filename="../../gui/teaching.py" line="301" />
            <source>Initial parameters set to {w}, b = {b:g}: press Train or Step to start there.</source>
            <translation>초기 파라미터를 {w}, b = {b:g}(으)로 정했습니다: 학습이나 스텝을 누르면 거기서 시작합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/teaching.py" line="323" />
            <source>Generate data</source>
            <translation>데이터 생성</translation>
        </message>
        <message>
            <location filename="../../gui/teaching.py" line="325" />
            <source>Generated {n} rows (Undo brings the old table back).</source>
            <translation>{n}개 행을 생성했습니다(실행 취소하면 이전 표로 돌아갑니다).</translation>
        </message>
        <message>
            <location filename="../../gui/teaching.py" line="339" />
            <location filename="../../gui/teaching.py" line="347" />
            <location filename="../../gui/teaching.py" line="382" />
            <source>Cannot show the code</source>
            <translation>코드를 보여 줄 수 없습니다</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="72" />
            <source>Epo&amp;chs</source>
            <translation>에포크(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="73" />
            <source>How many times training passes over all the data (the post: 1000).</source>
            <translation>학습이 전체 데이터를 몇 번 훑을지 정합니다(포스트: 1000).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="83" />
            <source>&amp;Learning rate</source>
            <translation>학습률(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="84" />
            <source>How big a step each update takes: too small is slow, too large diverges (the post: 0.01).</source>
            <translation>한 번 업데이트할 때의 보폭입니다: 너무 작으면 느리고, 너무 크면 발산합니다(포스트: 0.01).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="95" />
            <source>O&amp;ptimizer</source>
            <translation>옵티마이저(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="96" />
            <source>SGD follows the gradient with a fixed step; Adam adapts the step for each parameter.</source>
            <translation>SGD는 고정된 보폭으로 기울기를 따라가고, Adam은 파라미터마다 보폭을 조절합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="107" />
            <source>Weight deca&amp;y</source>
            <translation>가중치 감쇠(&amp;Y)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="108" />
            <source>L2 weight decay: pulls the weight and the bias toward 0 each step (0 = none, as in the post).</source>
            <translation>L2 가중치 감쇠: 스텝마다 가중치와 편향을 0 쪽으로 당깁니다(0 = 없음, 포스트와 같음).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="119" />
            <source>&amp;Batch size</source>
            <translation>배치 크기(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="120" />
            <source>Rows per update. Full batch uses every row each step, as the post does.</source>
            <translation>업데이트 한 번에 쓰는 행 수입니다. 전체 배치는 포스트처럼 스텝마다 모든 행을 씁니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="130" />
            <source>&amp;Seed</source>
            <translation>시드(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="131" />
            <source>Random seed for the initial weight and bias and the shuffling; empty picks one and shows it.</source>
            <translation>초기 가중치와 편향, 섞기에 쓰는 난수 시드입니다. 비워 두면 하나를 골라 보여 줍니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="137" />
            <source>random</source>
            <translation>무작위</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="143" />
            <source>Initial &amp;weight(s)</source>
            <translation>초기 가중치(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="144" />
            <source>Starting weights, one per feature, comma-separated; empty means random from the seed.</source>
            <translation>시작 가중치, 특성마다 하나씩 쉼표로 구분합니다. 비워 두면 시드에서 무작위로 정합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="150" />
            <location filename="../../gui/panels/training_panel.py" line="160" />
            <source>random from the seed</source>
            <translation>시드에서 무작위</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="156" />
            <source>Initial b&amp;ias</source>
            <translation>초기 편향(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="157" />
            <source>Starting bias; empty means random from the seed.</source>
            <translation>시작 편향입니다. 비워 두면 시드에서 무작위로 정합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="166" />
            <source>Fast path (closed-form gradie&amp;nt)</source>
            <translation>빠른 경로 (닫힌 형식 기울기)(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="167" />
            <source>SGD with closed-form gradients instead of autograd, about 100 times faster on small data; losses within 1e-6 of the post's loop (the label below says which kernel).</source>
            <translation>autograd 대신 닫힌 형식 기울기를 쓰는 SGD로, 작은 데이터에서 약 100배 빠릅니다. 손실은 포스트의 루프와 1e-6 이내로 같습니다(아래 레이블이 어떤 커널인지 알려 줍니다).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="183" />
            <source>{label}: "{text}" is not a number.</source>
            <translation>{label}: "{text}"은(는) 숫자가 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="219" />
            <source>None</source>
            <translation>없음</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="221" />
            <source>Hold out this share of the rows (stratified, drawn with the seed, or 0 without one): training never sees them, their loss is plotted each epoch and the Evaluation panel measures the model on them.</source>
            <translation>이 비율만큼의 행을 홀드아웃으로 떼어 둡니다(층화 추출, 시드로 뽑고 시드가 없으면 0): 학습에는 쓰이지 않고, 에포크마다 그 손실을 그리며, 평가 패널이 이 행들로 모델을 검증합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="227" />
            <source>Hold-out share</source>
            <translation>홀드아웃 비율</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="229" />
            <source>Hold &amp;out</source>
            <translation>홀드아웃(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="234" />
            <source>Use the post's startin&amp;g values</source>
            <translation>포스트의 초깃값 사용(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="235" />
            <source>Initial weight 0.235 and bias 0.153: with the post's settings these reproduce its printed numbers exactly.</source>
            <translation>초기 가중치 0.235, 편향 0.153: 포스트의 설정과 함께 쓰면 포스트가 출력한 숫자를 정확히 재현합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="242" />
            <source>Train</source>
            <translation>학습</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="242" />
            <location filename="../../gui/panels/training_panel.py" line="513" />
            <source>Train the model (Ctrl+Enter).</source>
            <translation>모델을 학습시킵니다(Ctrl+Enter).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="246" />
            <location filename="../../gui/panels/training_panel.py" line="482" />
            <location filename="../../gui/panels/training_panel.py" line="487" />
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="246" />
            <source>Pause or resume training (F6).</source>
            <translation>학습을 일시 정지하거나 재개합니다(F6).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="250" />
            <source>Stop</source>
            <translation>정지</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="251" />
            <source>Stop training and keep the model so far (Esc).</source>
            <translation>학습을 멈추고 지금까지의 모델을 유지합니다(Esc).</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="256" />
            <source>Reset</source>
            <translation>초기화</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="257" />
            <source>Forget the trained model and clear the curves; the next run starts from new initial parameters.</source>
            <translation>학습된 모델을 지우고 곡선을 비웁니다. 다음 실행은 새 초기 파라미터에서 시작합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="264" />
            <source>Training progress</source>
            <translation>학습 진행률</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="267" />
            <location filename="../../gui/panels/training_panel.py" line="606" />
            <location filename="../../gui/panels/training_panel.py" line="611" />
            <source>Not trained yet</source>
            <translation>아직 학습하지 않음</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="315" />
            <source>Full batch</source>
            <translation>전체 배치</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="322" />
            <source>SGD (as in the post)</source>
            <translation>SGD (포스트와 같음)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="323" />
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="365" />
            <source>Seed: "{t}" is not a whole number.</source>
            <translation>시드: "{t}"은(는) 정수가 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="372" />
            <source>Initial weights: "{t}" must be numbers separated by commas.</source>
            <translation>초기 가중치: "{t}"은(는) 쉼표로 구분한 숫자여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="487" />
            <source>Resume</source>
            <translation>재개</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="506" />
            <source>Cannot train: {reason}</source>
            <translation>학습할 수 없습니다: {reason}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="538" />
            <source>The fast path is for SGD: Adam trains with PyTorch autograd.</source>
            <translation>빠른 경로는 SGD 전용입니다: Adam은 PyTorch autograd로 학습합니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="540" />
            <source>Fast path: closed-form gradients in float64 Python arithmetic, rounded to float32 after each step as PyTorch stores them; losses within 1e-6 of the post's loop.</source>
            <translation>빠른 경로: float64 Python 연산으로 닫힌 형식 기울기를 계산하고, PyTorch가 저장하듯 스텝마다 float32로 반올림합니다. 손실은 포스트의 루프와 1e-6 이내로 같습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="545" />
            <source>Fast path: closed-form gradients in float32 PyTorch without autograd; losses within 1e-6 of the post's loop.</source>
            <translation>빠른 경로: autograd 없이 float32 PyTorch로 닫힌 형식 기울기를 계산합니다. 손실은 포스트의 루프와 1e-6 이내로 같습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="550" />
            <source>PyTorch autograd (the post's loop), each epoch over blocks of {n} rows to bound memory; losses equal to float32 precision.</source>
            <translation>PyTorch autograd(포스트의 루프), 메모리를 아끼려고 에포크마다 {n}개 행씩 나누어 계산합니다. 손실은 float32 정밀도까지 같습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="554" />
            <source>PyTorch autograd: the post's loop, bit for bit.</source>
            <translation>PyTorch autograd: 포스트의 루프와 비트 단위까지 같습니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="566" />
            <source>The data or the columns changed since training: the model is out of date. Train again to update it.</source>
            <translation>학습 후 데이터나 열이 바뀌어 모델이 최신이 아닙니다. 다시 학습해 갱신하세요.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="578" />
            <source>Starting…</source>
            <translation>시작하는 중…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="585" />
            <source>Epoch {n} / {total} · {rate} epochs/s · {left} left</source>
            <translation>에포크 {n} / {total} · 초당 {rate} 에포크 · {left} 남음</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="592" />
            <source>Done: {n} epochs</source>
            <translation>완료: {n} 에포크</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="595" />
            <source>Stopped at epoch {n}</source>
            <translation>에포크 {n}에서 정지</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="598" />
            <source>Failed at epoch {n}</source>
            <translation>에포크 {n}에서 실패</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="604" />
            <source>Loaded: {n} epochs</source>
            <translation>불러옴: {n} 에포크</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="627" />
            <source>The post's values are for one feature (hours).</source>
            <translation>포스트의 값은 특성 하나(공부 시간)용입니다.</translation>
        </message>
        <message>
            <location filename="../../gui/panels/training_panel.py" line="630" />
            <source>The post's settings: press Train to get its numbers.</source>
            <translation>포스트의 설정입니다: 학습을 누르면 포스트의 숫자가 나옵니다.</translation>
        </message>
    </context>
</TS>
