<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../planner/gui/about.py" line="+20"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database check found problems ({n}):</source>
        <translation>数据库检查发现问题（{n} 个）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK (the database check found no problems)</source>
        <translation>正常（数据库检查未发现问题）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on ({n} users)</source>
        <translation>开启（{n} 个用户）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (single-user)</source>
        <translation>关闭（单用户）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
</context>
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../planner/gui/views/assessment_panel.py" line="+91"/>
        <source>Accept the proposal for cycle {n}</source>
        <translation>接受第{n}周期的建议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assessed: proceed as planned</source>
        <translation>已评估：按计划继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescriber who confirmed</source>
        <translation>确认的处方医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the prescriber who confirmed it</source>
        <translation>确认该建议的处方医生姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescriber:</source>
        <translation>处方医生：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept and save</source>
        <translation>接受并保存</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A reason is required: it is kept with every change.</source>
        <translation>必须填写原因：每项更改都会记录原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A rule requires the prescriber&apos;s confirmation: name the prescriber.</source>
        <translation>有规则要求处方医生确认：请填写处方医生姓名。</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../planner/operations/accounts.py" line="+36"/>
        <source>Accounts: create the first administrator first (planner user add NAME --role admin).</source>
        <translation>账户：请先创建第一个管理员（planner user add NAME --role admin）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User: there is no account {user}.</source>
        <translation>用户：不存在账户 {user}。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>User: {user} is the last administrator; add another administrator first.</source>
        <translation>用户：{user} 是最后一个管理员；请先添加另一个管理员。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Role: the first account must be an administrator (--role admin), who then adds the others.</source>
        <translation>角色：第一个账户必须是管理员（--role admin），再由其添加其他账户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User: an account {user} already exists.</source>
        <translation>用户：账户 {user} 已存在。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>User: {user} is already disabled.</source>
        <translation>用户：{user} 已被停用。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Role: {user} already is a {role}.</source>
        <translation>角色：{user} 已是 {role}。</translation>
    </message>
    <message>
        <location filename="../../planner/operations/administrations.py" line="+78"/>
        <source>First checker: sign in first; with accounts on, the first checker is the signed-in user.</source>
        <translation>第一核对人：请先登录；启用账户后，第一核对人即为当前登录用户。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Second checker: the user name or password/PIN is wrong.</source>
        <translation>第二核对人：用户名或密码/PIN 码错误。</translation>
    </message>
    <message>
        <location filename="../../planner/store/accounts.py" line="+71"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password: use {low} to {high} characters.</source>
        <translation>密码：请使用 {low} 至 {high} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password: contains a control character; use letters, digits, spaces and punctuation.</source>
        <translation>密码：含有控制字符；请使用字母、数字、空格和标点符号。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PIN: use {low} to {high} digits.</source>
        <translation>PIN 码：请使用 {low} 至 {high} 位数字。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Sign-in failed: the user name or password is wrong.</source>
        <translation>登录失败：用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Sign in first: user accounts are on for this database, and every change needs a signed-in user (the CLI: --user NAME with PLANNER_PASSWORD or the prompt).</source>
        <translation>请先登录：此数据库已启用用户账户，每项更改都需要已登录的用户（命令行：--user NAME 加 PLANNER_PASSWORD 或按提示输入）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in again: the account {user} is disabled or no longer exists.</source>
        <translation>请重新登录：账户 {user} 已停用或已不存在。</translation>
    </message>
</context>
<context>
    <name>AccountsController</name>
    <message>
        <location filename="../../planner/gui/accounts.py" line="+102"/>
        <source>This database has user accounts: sign in to continue.</source>
        <translation>此数据库已启用用户账户：请登录后继续。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed out. Sign in to continue (the same or another user).</source>
        <translation>已注销。请登录后继续（同一用户或其他用户均可）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Locked after {n} minutes without use. Sign in to continue (the same or another user); anything you were entering is kept.</source>
        <translation>{n} 分钟未操作，已锁定。请登录后继续（同一用户或其他用户均可）；正在输入的内容会保留。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Signed in: {user} ({role})</source>
        <translation>已登录：{user}（{role}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked: sign in</source>
        <translation>已锁定：请登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts off (single-user): changes recorded as {user}</source>
        <translation>账户未启用（单用户）：更改记录为 {user}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out; the window stays open for the next user to sign in</source>
        <translation>注销；窗口保持打开，供下一位用户登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create &amp;administrator account...</source>
        <translation>创建管理员账户(&amp;A)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch on user accounts: create the first administrator</source>
        <translation>启用用户账户：创建第一个管理员</translation>
    </message>
</context>
<context>
    <name>AdministrationRules</name>
    <message>
        <location filename="../../planner/core/administration_rules.py" line="+74"/>
        <source>Cycle {n} starts on {start}, after today: a future cycle cannot be marked given.</source>
        <translation>第{n}周期于 {start} 开始，晚于今天：不能将未来的周期标记为已给药。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day: {drug} is not planned on day {day} of cycle {n}.</source>
        <translation>天：第{n}周期第{day}天未计划给予{drug}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Given on: {date} is in the future.</source>
        <translation>给药日期：{date} 是将来的日期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason: day {day} of cycle {n} is planned for {planned}; a dose given on {on} needs a reason.</source>
        <translation>原因：第{n}周期第{day}天计划于 {planned} 给药；在 {on} 给药需填写原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double check: {drug} {mg} mg of cycle {n} has no passed double check of the dose the plan calculates now; record the check first.</source>
        <translation>双人核对：第{n}周期{drug} {mg} mg 尚无针对计划当前计算剂量的通过的双人核对；请先记录核对。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../planner/gui/app.py" line="+52"/>
        <source>there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). Start Cycle Planner from a desktop session, or set QT_QPA_PLATFORM=offscreen to run it without a screen.</source>
        <translation>没有可显示窗口的显示器（未设置 DISPLAY 和 WAYLAND_DISPLAY）。请在桌面会话中启动化疗周期计划，或设置 QT_QPA_PLATFORM=offscreen 在无屏幕环境下运行。</translation>
    </message>
</context>
<context>
    <name>Assessment</name>
    <message>
        <location filename="../../planner/core/assessment.py" line="+45"/>
        <source>ANC</source>
        <translation>中性粒细胞绝对计数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platelets</source>
        <translation>血小板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haemoglobin</source>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilirubin</source>
        <translation>总胆红素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AST</source>
        <translation>谷草转氨酶 AST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALT</source>
        <translation>谷丙转氨酶 ALT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AST upper limit of normal</source>
        <translation>AST 正常值上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALT upper limit of normal</source>
        <translation>ALT 正常值上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LVEF</source>
        <translation>左心室射血分数 LVEF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nadir ANC</source>
        <translation>中性粒细胞绝对计数最低值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nadir platelets</source>
        <translation>血小板最低值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Systolic blood pressure</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diastolic blood pressure</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine protein</source>
        <translation>尿蛋白</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toxicity</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ongoing toxicity</source>
        <translation>持续存在的不良反应</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{label} ({name}): {value} is outside the plausible range {low}-{high} {unit}.</source>
        <translation>{label}（{name}）：{value} 超出合理范围 {low}-{high} {unit}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{label} ({name}): &apos;{text}&apos; is not a number; enter {low}-{high} {unit}.</source>
        <translation>{label}（{name}）：“{text}”不是数字；请输入 {low}-{high} {unit}。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Bilirubin (bilirubin): &apos;{text}&apos; is not a value; enter µmol/L (20, 20umol/L) or mg/dL (1.2mg/dL), 0-1000 µmol/L.</source>
        <translation>总胆红素（bilirubin）：“{text}”不是有效数值；请输入 µmol/L（20、20umol/L）或 mg/dL（1.2mg/dL），0-1000 µmol/L。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{label} (--{name}): &apos;{text}&apos; is not a toxicity term of this regimen; use one of {terms}.</source>
        <translation>{label}（--{name}）：“{text}”不是本方案的不良反应术语；请使用 {terms} 之一。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{label} (--{name}): grade 5 {term} is death; end the treatment with its reason instead of assessing a next cycle.</source>
        <translation>{label}（--{name}）：5 级{term}即死亡；请结束治疗并注明原因，不再评估下一周期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} (--{name}): grade {grade} does not exist; CTCAE grades are 1 to 4 (5 is death).</source>
        <translation>{label}（--{name}）：不存在 {grade} 级；CTCAE 分级为 1 至 4 级（5 级为死亡）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label} (--{name}): &apos;{text}&apos; should look like TERM:GRADE, e.g. bleeding:2.</source>
        <translation>{label}（--{name}）：“{text}”应写成 TERM:GRADE（术语:分级），例如 bleeding:2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{label} (--{name}): the grade must be a whole number 1-4, not &apos;{grade}&apos;.</source>
        <translation>{label}（--{name}）：分级必须是 1-4 的整数，不能是“{grade}”。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cycle (--cycle): cycles are numbered from 1.</source>
        <translation>周期（--cycle）：周期从 1 开始编号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{enzyme} needs the lab&apos;s upper limit of normal: give --uln-{name} (5-500 U/L) with --{name}.</source>
        <translation>{enzyme}需要检验科的正常值上限：请与 --{name} 一同提供 --uln-{name}（5-500 U/L）。</translation>
    </message>
    <message>
        <location filename="../../planner/core/decision.py" line="+193"/>
        <source>{drug} is already at its lowest level ({level} {unit}): stop it for good.</source>
        <translation>{drug}已是最低剂量水平（{level} {unit}）：请永久停药。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>give</source>
        <translation>给药</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reduce</source>
        <translation>剂量下调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stop for good</source>
        <translation>永久停药</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>INCOMPLETE: inputs are missing</source>
        <translation>不完整：缺少输入项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STOP: a drug stops for good</source>
        <translation>停药：有药物需永久停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MODIFY: a dose changes</source>
        <translation>调整：剂量有变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PROCEED</source>
        <translation>按计划继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle {cycle}: {decision}</source>
        <translation>第{cycle}周期：{decision}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA {bsa} m²</source>
        <translation>体表面积 {bsa} m²</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(resume at {level} {unit})</source>
        <translation>（以 {level} {unit} 恢复给药）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>source: {source}</source>
        <translation>依据：{source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cumulative {drug} after this cycle: {total} mg/m² (prior exposure included)</source>
        <translation>本周期后{drug}累积剂量：{total} mg/m²（含既往用量）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing: {fields}</source>
        <translation>缺少：{fields}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requires: {items}</source>
        <translation>需要：{items}</translation>
    </message>
    <message>
        <location filename="../../planner/commands/assess.py" line="+119"/>
        <source>--{option} belongs to --accept; without --accept nothing is changed.</source>
        <translation>--{option} 需与 --accept 一起使用；不加 --accept 不会做任何更改。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--accept needs --reason: say why the proposal is accepted (it goes into the record).</source>
        <translation>--accept 需要 --reason：请说明接受该建议的原因（将记入记录）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>saved: assessment #{id} of cycle {cycle} accepted (patient {mrn}, record version {version})</source>
        <translation>已保存：已接受第{cycle}周期的评估 #{id}（患者 {mrn}，记录版本 {version}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  no change to the plan: the cycle proceeds as planned</source>
        <translation>  计划不变：本周期按计划进行</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>delay cycle {cycle} by {days} days</source>
        <translation>第{cycle}周期延迟 {days} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{drug}: dose level {level} from cycle {cycle}</source>
        <translation>{drug}：自第{cycle}周期起剂量水平 {level}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug}: {percent}% of the {of} dose from cycle {cycle}</source>
        <translation>{drug}：自第{cycle}周期起为{of}剂量的 {percent}%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug}: hold days {days} of cycle {cycle}</source>
        <translation>{drug}：暂停第{cycle}周期的第 {days} 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug}: stop for good from cycle {cycle}</source>
        <translation>{drug}：自第{cycle}周期起永久停药</translation>
    </message>
    <message>
        <location filename="../../planner/operations/assessments.py" line="+103"/>
        <source>Delay: {days} days is not possible; enter 1-{max} days.</source>
        <translation>延迟：不能延迟 {days} 天；请输入 1-{max} 天。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Cycle {cycle}: the assessment is incomplete ({fields} missing) and cannot be accepted; enter the missing values.</source>
        <translation>第{cycle}周期：评估不完整（缺少 {fields}），无法接受；请补充缺少的数值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cycle {cycle}: an LVEF is required before this dose; enter it, then accept.</source>
        <translation>第{cycle}周期：本次给药前需要左心室射血分数 LVEF；请录入后再接受。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cycle {cycle}: a rule requires the prescriber&apos;s confirmation; name the prescriber who confirmed it (--prescriber).</source>
        <translation>第{cycle}周期：有规则要求处方医生确认；请填写确认的处方医生（--prescriber）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prescriber</source>
        <translation>处方医生</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assessment of cycle {cycle} accepted: {reason}</source>
        <translation>已接受第{cycle}周期的评估：{reason}</translation>
    </message>
    <message>
        <location filename="../../planner/store/codec.py" line="+157"/>
        <source>An assessment must be an object.</source>
        <translation>评估必须是一个对象。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}: must be an object with a value and its unit.</source>
        <translation>{name}：必须是包含数值及其单位的对象。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}: the unit must be {units}, not &apos;{unit}&apos;.</source>
        <translation>{name}：单位必须是 {units}，不能是“{unit}”。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+5"/>
        <source>{name}: must be a list of terms and grades.</source>
        <translation>{name}：必须是由术语和分级组成的列表。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cycle: must be a whole number from 1.</source>
        <translation>周期：必须是从 1 开始的整数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Febrile neutropenia: must be true or false.</source>
        <translation>发热性中性粒细胞减少：必须为 true 或 false。</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <location filename="../../planner/gui/views/assessment_panel.py" line="+18"/>
        <location line="+242"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>ANC</source>
        <translation>中性粒细胞绝对计数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Platelets</source>
        <translation>血小板</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Haemoglobin</source>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilirubin</source>
        <translation>总胆红素</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AST</source>
        <translation>谷草转氨酶 AST</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AST ULN</source>
        <translation>AST 正常值上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALT</source>
        <translation>谷丙转氨酶 ALT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ALT ULN</source>
        <translation>ALT 正常值上限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LVEF</source>
        <translation>左心室射血分数 LVEF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BP systolic</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BP diastolic</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine protein</source>
        <translation>尿蛋白</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nadir ANC</source>
        <translation>中性粒细胞绝对计数最低值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nadir platelets</source>
        <translation>血小板最低值</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The lowest value during the last cycle</source>
        <translation>上一周期内的最低值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bilirubin unit</source>
        <translation>总胆红素单位</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plausible range {low}-{high} {unit}</source>
        <translation>合理范围 {low}-{high} {unit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Febrile neutropenia in the last cycle</source>
        <translation>上一周期发生发热性中性粒细胞减少</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measurements</source>
        <translation>检测值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Toxicities (CTCAE v5 grade)</source>
        <translation>毒性（CTCAE v5 分级）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Toxicity</source>
        <translation>毒性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Worst since last cycle</source>
        <translation>上周期以来最重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worst CTCAE grade since the previous cycle began (drives the dose rules)</source>
        <translation>上一周期开始以来的最高 CTCAE 分级（用于剂量规则判断）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade on the assessment day: above grade 1 (non-haematological) holds the cycle</source>
        <translation>评估当天的分级：非血液学毒性高于 1 级时暂停本周期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Toxicities (CTCAE v5)</source>
        <translation>毒性（CTCAE v5）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Proposal</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay of a held cycle</source>
        <translation>暂停周期的延迟天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+201"/>
        <source>Save the assessment and the changes it proposes (one undoable step)</source>
        <translation>保存评估及其建议的更改（可一步撤销）</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>&amp;Modify...</source>
        <translation>调整(&amp;M)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the dose level yourself (opens the dose level dialog)</source>
        <translation>自行调整剂量水平（打开剂量水平对话框）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hold...</source>
        <translation>暂停(&amp;H)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay this cycle (opens the delay dialog)</source>
        <translation>延迟本周期（打开延迟对话框）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hold delays by:</source>
        <translation>暂停后延迟：</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{term}: grade</source>
        <translation>{term}：分级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>grade {n}</source>
        <translation>{n} 级</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Assessment before cycle {n} ({start})</source>
        <translation>第{n}周期前评估（{start}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check these values:</source>
        <translation>请核对以下数值：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>INCOMPLETE: values are missing</source>
        <translation>不完整：缺少数值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STOP: a drug stops for good</source>
        <translation>停药：有药物需永久停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MODIFY: a dose changes</source>
        <translation>调整：剂量有变化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PROCEED</source>
        <translation>按计划继续</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give</source>
        <translation>给药</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reduce</source>
        <translation>剂量下调</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stop for good</source>
        <translation>永久停药</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(resume at {level} {unit})</source>
        <translation>（以 {level} {unit} 恢复给药）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cumulative {drug} after this cycle: {total} mg/m²</source>
        <translation>本周期后{drug}累积剂量：{total} mg/m²</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing: {fields}</source>
        <translation>缺少：{fields}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requires: {items}</source>
        <translation>需要：{items}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the values first.</source>
        <translation>请先录入数值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incomplete: enter {fields}.</source>
        <translation>不完整：请录入 {fields}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An LVEF is required before this dose.</source>
        <translation>本次给药前需要左心室射血分数 LVEF。</translation>
    </message>
</context>
<context>
    <name>Bsa</name>
    <message>
        <location filename="../../planner/core/bsa.py" line="+75"/>
        <source>BSA formula: &apos;{key}&apos; is not known; choose one of {choices}.</source>
        <translation>体表面积公式：无法识别“{key}”；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{name} {expression}, H {height} cm, W {weight} kg = {exact} -&gt; {rounded} m²</source>
        <translation>{name} {expression}，身高 {height} cm，体重 {weight} kg = {exact} -&gt; {rounded} m²</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, capped at {cap} m²</source>
        <translation>，上限 {cap} m²</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>BSA</source>
        <translation>体表面积</translation>
    </message>
</context>
<context>
    <name>CalendarLegend</name>
    <message>
        <location filename="../../planner/gui/views/legend.py" line="+83"/>
        <source>Tablets / capsules (daily dose)</source>
        <translation>片剂/胶囊（每日剂量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion (dose)</source>
        <translation>静脉输注（剂量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood count due</source>
        <translation>需查血常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduced dose level</source>
        <translation>剂量已下调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose held / stopped</source>
        <translation>暂停/停药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle has a warning</source>
        <translation>周期有警示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay day</source>
        <translation>延迟日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle starts</source>
        <translation>周期开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside the plan</source>
        <translation>不在计划内</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Calendar legend</source>
        <translation>日历图例</translation>
    </message>
</context>
<context>
    <name>ClinicDays</name>
    <message>
        <location filename="../../planner/core/clinic_days.py" line="+41"/>
        <source>clinic closure day</source>
        <translation>门诊停诊日</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cycle {n}: the infusion on day {day} falls on {date}, when the clinic is closed ({why}); the next open day is {next}.</source>
        <translation>第{n}周期：第{day}天的输注在 {date}，当天门诊停诊（{why}）；下一个开诊日为 {next}。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Public holidays: &apos;{region}&apos; is not a known country or region code (for example CN, US, GB or DE-BY).</source>
        <translation>法定节假日：无法识别国家或地区代码“{region}”（例如 CN、US、GB 或 DE-BY）。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../planner/gui/commands.py" line="+200"/>
        <location filename="../../planner/gui/views/assessment_panel.py" line="+81"/>
        <source>Redone: {reason}</source>
        <translation>已重做：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../planner/gui/views/assessment_panel.py" line="+10"/>
        <source>Undone: {reason}</source>
        <translation>已撤销：{reason}</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Redone: {what}</source>
        <translation>已重做：{what}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undone: {what}</source>
        <translation>已撤销：{what}</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/sign_in_dialog.py" line="+102"/>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create the first account, an administrator. From then on everyone signs in with their own account and every change is recorded under their name; until then Cycle Planner works in single-user mode.</source>
        <translation>创建第一个账户，即管理员账户。此后每个人都用自己的账户登录，每项更改都以其姓名记录；在此之前，Cycle Planner 以单用户模式运行。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password: the two entries differ.</source>
        <translation>密码：两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>CycleActionDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/cycle_actions.py" line="+97"/>
        <source>What will change</source>
        <translation>将要更改的内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem with this change</source>
        <translation>此更改有问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why (recorded in the audit log), e.g. ANC 0.9 on day 21</source>
        <translation>记入审计日志，如：第21天中性粒细胞绝对计数 0.9</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save change</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cycle {n} ({phase}): {start} to {end}</source>
        <translation>第{n}周期（{phase}）：{start} 至 {end}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A reason is required: it is kept with the change.</source>
        <translation>必须填写原因：原因将与更改一同保存。</translation>
    </message>
</context>
<context>
    <name>CycleActions</name>
    <message>
        <location line="-117"/>
        <source>Delay cycle {c} by {d} days</source>
        <translation>第{c}周期延迟 {d} 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} dose level {level} from cycle {c}</source>
        <translation>{drug}自第{c}周期起剂量水平 {level}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Omit {drug} days {days} of cycle {c}</source>
        <translation>第{c}周期{drug}第 {days} 天暂停</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop {drug} from cycle {c} day {d}</source>
        <translation>{drug}自第{c}周期第{d}天起停药</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} at {pct}% of the {of} dose from cycle {c}</source>
        <translation>自第{c}周期起{drug}按{of}剂量的 {pct}% 给药</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End the treatment after cycle {c} ({reason})</source>
        <translation>第{c}周期后结束治疗（{reason}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight {w} kg before cycle {c}</source>
        <translation>第{c}周期前体重 {w} kg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>starting</source>
        <translation>起始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>current</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>CycleStatus</name>
    <message>
        <location filename="../../planner/gui/facts.py" line="+135"/>
        <source>{drug} given</source>
        <translation>{drug}已给药</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{drug} {k} of {n} days</source>
        <translation>{drug} {n} 天中已给 {k} 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>given</source>
        <translation>已给药</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>held</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checked</source>
        <translation>已核对</translation>
    </message>
</context>
<context>
    <name>CyclesTable</name>
    <message>
        <location filename="../../planner/gui/models/cycles_model.py" line="+64"/>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{drug} is not part of the {phase} phase.</source>
        <translation>{drug}不属于{phase}阶段。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>已停药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{drug} was stopped in an earlier cycle.</source>
        <translation>{drug}已在之前的周期停药。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{dose} mg</source>
        <translation>{dose} mg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>level -{n}</source>
        <translation>下调 {n} 级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>days {days}</source>
        <translation>第 {days} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not given</source>
        <translation>未给药</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>held days {days}</source>
        <translation>暂停第 {days} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped from day {day}</source>
        <translation>自第{day}天起停药</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} {route}, dose level {level}: {explain}</source>
        <translation>{drug} {route}，剂量水平 {level}：{explain}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dose level</source>
        <translation>剂量水平</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held days</source>
        <translation>暂停日</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{weight} kg
BSA {bsa} m²</source>
        <translation>{weight} kg
体表面积 {bsa} m²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BSA: {explain}</source>
        <translation>体表面积：{explain}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new weight, recalculated</source>
        <translation>新体重，已重新计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weighed {weight} kg, unchanged</source>
        <translation>称重 {weight} kg，剂量不变</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{amount} mg/m²</source>
        <translation>{amount} mg/m²</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} {amount} mg/m²</source>
        <translation>{drug} {amount} mg/m²</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Doxorubicin equivalent {amount} mg/m² (prior exposure included).</source>
        <translation>多柔比星当量 {amount} mg/m²（含既往用量）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delayed by {days} days</source>
        <translation>延迟 {days} 天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cycle {n} ({phase}): {start} to {end}</source>
        <translation>第{n}周期（{phase}）：{start} 至 {end}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(+{days} d)</source>
        <translation>（+{days} 天）</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day 1</source>
        <translation>第1天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose weight
&amp; BSA</source>
        <translation>计算体重
及体表面积</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{drug}
{route} dose</source>
        <translation>{drug}
{route}剂量</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The weight and body surface area this cycle&apos;s doses are calculated from (a new weight is taken up only beyond the recalculation threshold).</source>
        <translation>本周期剂量所依据的体重和体表面积（新体重仅在超过重新计算阈值时才采用）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{drug} ({route}): dose level x BSA = exact -&gt; rounded dose, and the cycle days it is given on.</source>
        <translation>{drug}（{route}）：剂量水平 × 体表面积 = 精确值 -&gt; 取整剂量，以及给药的周期日。</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Cumulative
{drug}</source>
        <translation>{drug}
累积剂量</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>Cumulative
anthracyclines</source>
        <translation>蒽环类
累积剂量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings</source>
        <translation>警示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../planner/gui/models/cycle_marks.py" line="+42"/>
        <source>tests overdue</source>
        <translation>检查已逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LVEF due</source>
        <translation>LVEF 待查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tests due</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{tests} (by {date})</source>
        <translation>{tests}（{date} 前）</translation>
    </message>
</context>
<context>
    <name>CyclesView</name>
    <message>
        <location filename="../../planner/gui/views/cycles_view.py" line="+40"/>
        <source>Cycles</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cycles of the plan</source>
        <translation>计划的周期</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delay…</source>
        <translation>延迟…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay this cycle and every later cycle</source>
        <translation>延迟本周期及之后所有周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change dose level…</source>
        <translation>调整剂量水平…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change a drug&apos;s dose level from this cycle on</source>
        <translation>自本周期起调整某药物的剂量水平</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omit days…</source>
        <translation>暂停给药日…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hold a drug on some days of this cycle</source>
        <translation>在本周期的某些天暂停某药物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop a drug…</source>
        <translation>停药…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop a drug for good from a day of this cycle</source>
        <translation>自本周期某天起永久停用某药物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record weight…</source>
        <translation>记录体重…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record a new weight before this cycle</source>
        <translation>在本周期前记录新体重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark given</source>
        <translation>标记已给药</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record that this cycle&apos;s doses were given</source>
        <translation>记录本周期的剂量已给药</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Dose check of cycle {n}</source>
        <translation>第{n}周期剂量核对</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../planner/core/dates.py" line="+21"/>
        <source>{label}: &apos;{text}&apos; is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05.</source>
        <translation>{label}：“{text}”不是日期；请按 YYYY-MM-DD 格式填写，例如 2026-01-05。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{label}: {text} does not exist in the calendar.</source>
        <translation>{label}：日历中不存在 {text}。</translation>
    </message>
</context>
<context>
    <name>DayDetails</name>
    <message>
        <location filename="../../planner/gui/views/day_details.py" line="+35"/>
        <source>Reason: {reason}.</source>
        <translation>原因：{reason}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No plan to show.</source>
        <translation>没有可显示的计划。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a day to see what is given and how each dose was calculated.</source>
        <translation>点击某一天，查看当天的给药内容及每个剂量的计算过程。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not part of this plan (the plan runs from {start} to {end}).</source>
        <translation>不在本计划内（计划自 {start} 至 {end}）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(before cycle {n} starts on {start}).</source>
        <translation>（第{n}周期于 {start} 开始之前）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cycle {n}, day {d} of {length}</source>
        <translation>第{n}周期，第{d}天（共{length}天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{phase} phase</source>
        <translation>{phase}阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cycle {n} was delayed by {days} days.</source>
        <translation>第{n}周期已延迟 {days} 天。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delay day: no treatment while cycle {n} waits (delayed by {days} days).</source>
        <translation>延迟日：第{n}周期等待期间不治疗（已延迟 {days} 天）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{drug} {dose} mg {route}</source>
        <translation>{drug} {dose} mg {route}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calculation: {explain}</source>
        <translation>计算：{explain}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reduced dose level: {level} {unit} ({steps} level(s) below the starting {start} {unit}).</source>
        <translation>剂量已下调：{level} {unit}（比起始剂量 {start} {unit} 低 {steps} 级）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{drug} held today (omitted on days {days} of this cycle).</source>
        <translation>{drug}今日暂停（本周期第 {days} 天暂停）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{drug} stopped from day {day} of this cycle.</source>
        <translation>{drug}自本周期第{day}天起停药。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rest day: no treatment.</source>
        <translation>休息日：不治疗。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(the last open clinic day before the infusion).</source>
        <translation>（输注前的最后一个开诊日）。</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+41"/>
        <source>Blood count due today</source>
        <translation>今日需查血常规</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warning:</source>
        <translation>警示：</translation>
    </message>
</context>
<context>
    <name>DayListDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/day_list_dialog.py" line="+25"/>
        <source>Export day list</source>
        <translation>导出当日清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone on treatment who is due for an infusion or a cycle start on this day, with their doses and the checks due, and the blood tests for the next day&apos;s infusions.</source>
        <translation>当天需要输注或开始新周期的所有在治患者，包括剂量和需做的核对，以及次日输注所需的血液检查。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clinic day</source>
        <translation>门诊日</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clinic day:</source>
        <translation>门诊日：</translation>
    </message>
</context>
<context>
    <name>DelayDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/cycle_actions.py" line="+123"/>
        <source>Delay cycle {n}</source>
        <translation>第{n}周期延迟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay in days</source>
        <translation>延迟天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delay by:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cycle {n} day 1 moves from {old} to {new}; the {later} later cycles move with it.</source>
        <translation>第{n}周期第1天从 {old} 改为 {new}；之后的 {later} 个周期随之顺延。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../planner/gui/demo.py" line="+35"/>
        <source>DEMO Wang Fang</source>
        <translation>演示 王芳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leiomyosarcoma of the uterus, lung metastases (demo patient)</source>
        <translation>子宫平滑肌肉瘤，肺转移（演示患者）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penicillin (rash)</source>
        <translation>青霉素（皮疹）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo patient: safe to change, undo and withdraw.</source>
        <translation>演示患者：可放心修改、撤销和退出。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ANC 0.9 x10^9/L on day 21 of cycle 2</source>
        <translation>第2周期第21天中性粒细胞绝对计数 0.9 x10^9/L</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Febrile neutropenia after cycle 2: one level down</source>
        <translation>第2周期后发热性中性粒细胞减少：下调一级</translation>
    </message>
</context>
<context>
    <name>DoseCheckPanel</name>
    <message>
        <location filename="../../planner/gui/views/dose_check_panel.py" line="+74"/>
        <source>Dose check</source>
        <translation>剂量核对</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Calculation</source>
        <translation>计算</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calculation chain</source>
        <translation>计算过程</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Independent double check</source>
        <translation>独立双人核对</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drug to check</source>
        <translation>待核对药物</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Calculated dose</source>
        <translation>计算剂量</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>mg, as written on the order or the bag label</source>
        <translation>mg，与医嘱或输液袋标签一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose on the order or bag in mg</source>
        <translation>医嘱或输液袋上的剂量（mg）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check result</source>
        <translation>核对结果</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+20"/>
        <location line="+269"/>
        <location line="+33"/>
        <source>First checker&apos;s initials</source>
        <translation>第一核对人姓名缩写</translation>
    </message>
    <message>
        <location line="-319"/>
        <location line="+18"/>
        <location line="+269"/>
        <location line="+33"/>
        <source>Second checker&apos;s initials</source>
        <translation>第二核对人姓名缩写</translation>
    </message>
    <message>
        <location line="-314"/>
        <location line="+13"/>
        <source>Second checker&apos;s password or PIN</source>
        <translation>第二核对人的密码或 PIN 码</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+1"/>
        <location line="+354"/>
        <source>Record double check</source>
        <translation>记录双人核对</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dose on the order or bag (mg)</source>
        <translation>医嘱/输液袋剂量（mg）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>Double checks recorded</source>
        <translation>已记录的双人核对</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>No double check recorded for this patient yet.</source>
        <translation>该患者尚无双人核对记录。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{weight} kg, the weight at the start of the plan ({start})</source>
        <translation>{weight} kg，计划开始时的体重（{start}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>date not recorded</source>
        <translation>未记录日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{weight} kg, measured {when} (before cycle {n})</source>
        <translation>{weight} kg，测量于 {when}（第{n}周期前）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dose level {level} {unit}: {n} level(s) below the starting {start} {unit}</source>
        <translation>剂量水平 {level} {unit}：比起始剂量 {start} {unit} 低 {n} 级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route {route}, cycle days {days}</source>
        <translation>给药途径 {route}，周期第 {days} 天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Volume: {dose} mg / {conc} mg/mL = {volume} mL</source>
        <translation>体积：{dose} mg / {conc} mg/mL = {volume} mL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vials: {vials} ({total} mg opened, {waste} mg left over)</source>
        <translation>药瓶：{vials}（开启 {total} mg，剩余 {waste} mg）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vials</source>
        <translation>瓶</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Capsules: no combination of {strengths} mg capsules makes {dose} mg</source>
        <translation>胶囊：{strengths} mg 胶囊无法组合成 {dose} mg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capsules: {capsules} per day</source>
        <translation>胶囊：每日 {capsules}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>capsule(s)</source>
        <translation>胶囊</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dose check: select a cycle</source>
        <translation>剂量核对：请选择周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a cycle to see how each dose was calculated.</source>
        <translation>选择一个周期，查看每个剂量的计算过程。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dose check: cycle {n} ({phase}), day 1 on {day1}</source>
        <translation>剂量核对：第{n}周期（{phase}），第1天为 {day1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body surface area</source>
        <translation>体表面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight used for the doses</source>
        <translation>计算剂量所用体重</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latest weight {weight} kg is below the recalculation threshold; doses stay on {dose_weight} kg.</source>
        <translation>最新体重 {weight} kg 未超过重新计算阈值；剂量仍按 {dose_weight} kg 计算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not given in this cycle.</source>
        <translation>本周期不给药。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warning:</source>
        <translation>警示：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dose on the order or bag: &apos;{text}&apos; is not a number; enter the dose in mg, for example 164 or 162.5.</source>
        <translation>医嘱或输液袋上的剂量：“{text}”不是数字；请以 mg 为单位填写剂量，例如 164 或 162.5。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dose on the order or bag: enter the dose in mg, more than 0.</source>
        <translation>医嘱或输液袋上的剂量：请以 mg 为单位填写大于 0 的剂量。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>First checker (signed in)</source>
        <translation>第一核对人（已登录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second checker&apos;s user name</source>
        <translation>第二核对人的用户名</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Second checker: the double check needs two different people; you are signed in as the first checker.</source>
        <translation>第二核对人：双人核对需要两个不同的人；您已作为第一核对人登录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: enter 1 to {n} letters, for example AB.</source>
        <translation>{field}：请输入 1 至 {n} 个字母，例如 AB。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Second checker&apos;s initials: the double check needs two different people; these are the same initials as the first checker&apos;s.</source>
        <translation>第二核对人姓名缩写：双人核对需要两个不同的人；该缩写与第一核对人相同。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{dose} mg</source>
        <translation>{dose} mg</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Record double check (PASS)</source>
        <translation>记录双人核对（通过）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record double check (FAIL)</source>
        <translation>记录双人核对（不通过）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do not give: recheck the order, the calculation and the preparation.</source>
        <translation>请勿给药：请重新核对医嘱、计算和配制。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>enter the dose to see the deviation</source>
        <translation>输入剂量以查看偏差</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{deviation}  PASS (within ±{tolerance} %)</source>
        <translation>{deviation}  通过（在 ±{tolerance} % 以内）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{deviation}  FAIL (more than ±{tolerance} %)</source>
        <translation>{deviation}  不通过（超过 ±{tolerance} %）</translation>
    </message>
</context>
<context>
    <name>DoseChecks</name>
    <message>
        <location filename="../../planner/gui/facts.py" line="+15"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{verdict}, outdated (no longer given)</source>
        <translation>{verdict}，已过时（不再给药）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{verdict}, outdated (the plan now calculates {dose} mg)</source>
        <translation>{verdict}，已过时（计划现计算为 {dose} mg）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cycle {n}</source>
        <translation>第{n}周期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{checked} mg vs {calculated} mg ({pct}%)</source>
        <translation>核对 {checked} mg / 计算 {calculated} mg（{pct}%）</translation>
    </message>
</context>
<context>
    <name>DoseLevelDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/cycle_actions.py" line="+7"/>
        <source>Change dose level from cycle {n}</source>
        <translation>自第{n}周期起调整剂量水平</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dose level</source>
        <translation>剂量水平</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drug:</source>
        <translation>药物：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New level:</source>
        <translation>新剂量水平：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (starting dose)</source>
        <translation> （起始剂量）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (level -{n})</source>
        <translation> （下调 {n} 级）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> - current</source>
        <translation> - 当前</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dose level: choose a drug and a level.</source>
        <translation>剂量水平：请选择药物和剂量水平。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dose level: {drug} is already at {level} {unit} in cycle {n}.</source>
        <translation>剂量水平：第{n}周期{drug}已是 {level} {unit}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{drug} from cycle {n} on: {old} -&gt; {new} mg ({calc}).</source>
        <translation>{drug}自第{n}周期起：{old} -&gt; {new} mg（{calc}）。</translation>
    </message>
</context>
<context>
    <name>Dosing</name>
    <message>
        <location filename="../../planner/core/dosing.py" line="+49"/>
        <source>{dose} mg (flat dose)</source>
        <translation>{dose} mg（固定剂量）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{level} {unit} x {basis} {basis_unit} = {exact} -&gt; {dose} mg</source>
        <translation>{level} {unit} × {basis} {basis_unit} = {exact} -&gt; {dose} mg</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{percent}% x {of} {unit} = {text}</source>
        <translation>{percent}% × {of} {unit} = {text}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../planner/gui/widgets/empty_state.py" line="+57"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome to Cycle Planner</source>
        <translation>欢迎使用化疗周期计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There are no patients yet.
Add a patient to plan their treatment cycles: the calendar, every dose with its calculation,
and the double check of each dose. Or add a demo patient to look around first.</source>
        <translation>尚无患者。
添加患者即可计划其治疗周期：日历、每个剂量及其计算过程，
以及每个剂量的双人核对。也可以先添加一位演示患者看看。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New patient...</source>
        <translation>新建患者...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Add a demo patient</source>
        <translation>添加演示患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up user accounts...</source>
        <translation>设置用户账户...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up user accounts: create the administrator</source>
        <translation>设置用户账户：创建管理员</translation>
    </message>
</context>
<context>
    <name>EndTreatmentDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/end_treatment_dialog.py" line="+26"/>
        <location line="+17"/>
        <source>End treatment</source>
        <translation>结束治疗</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>End the treatment of {patient}? The plan stops after the cycle in progress on the day it ended; the record and its history are kept.</source>
        <translation>结束 {patient} 的治疗？计划将在结束当天所处的周期之后停止；病历及其历史记录会保留。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. CT 12 May: new lung metastases</source>
        <translation>如：5月12日 CT：新发肺转移</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended on:</source>
        <translation>结束日期：</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../planner/export/atomic.py" line="+35"/>
        <source>Cannot save {path}: the disk is full. Free some space or choose another drive; nothing was saved.</source>
        <translation>无法保存 {path}：磁盘已满。请释放空间或选择其他磁盘；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot save {path}: the folder {folder} is on a read-only drive. Choose another folder; nothing was saved.</source>
        <translation>无法保存 {path}：文件夹 {folder} 位于只读磁盘。请选择其他文件夹；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save {path}: the file is open in another program or protected. Close it and try again; nothing was saved.</source>
        <translation>无法保存 {path}：文件已在其他程序中打开或受保护。请关闭后重试；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot save {path}: the folder {folder} is not writable. Choose another folder; nothing was saved.</source>
        <translation>无法保存 {path}：文件夹 {folder} 不可写。请选择其他文件夹；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot save {path}: {reason}. Nothing was saved.</source>
        <translation>无法保存 {path}：{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot save: give a file name.</source>
        <translation>无法保存：请填写文件名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save {path}: that is the patient database; choose another file name. Nothing was saved.</source>
        <translation>无法保存 {path}：这是患者数据库；请选择其他文件名。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot save {path}: that is a folder; give a file name.</source>
        <translation>无法保存 {path}：这是一个文件夹；请填写文件名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot save {path}: it exists and is not an ordinary file (a device or a pipe); choose another file name. Nothing was saved.</source>
        <translation>无法保存 {path}：该路径已存在且不是普通文件（设备或管道）；请选择其他文件名。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read {path}: it is not an ordinary file.</source>
        <translation>无法读取 {path}：不是普通文件。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot save {path}: the folder {folder} does not exist.</source>
        <translation>无法保存 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../planner/export/calendar_model.py" line="+60"/>
        <source>capsule</source>
        <translation>粒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>capsules</source>
        <translation>粒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tablet</source>
        <translation>片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tablets</source>
        <translation>片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dose</source>
        <translation>剂</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>doses</source>
        <translation>剂</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{drug} {dose} mg</source>
        <translation>{drug} {dose} mg</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Hospital day - {drug} infusion</source>
        <translation>来院日 - {drug}输注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital day - {drug} injection</source>
        <translation>来院日 - {drug}注射</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hospital - {drug}</source>
        <translation>来院 - {drug}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clinic visit - check-up and your next capsules</source>
        <translation>门诊复诊 - 检查并领取下一批胶囊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinic visit - check-up</source>
        <translation>门诊复诊 - 检查</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../planner/export/patient_calendar.py" line="+477"/>
        <source>Rest day - no capsule</source>
        <translation>休息日 - 不服药</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/export/patient_calendar.py" line="+1"/>
        <source>Rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../planner/export/day_list.py" line="+171"/>
        <source>Cycle {n} starts</source>
        <translation>第{n}周期开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delayed by {days} days</source>
        <translation>延迟 {days} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{phase} phase starts</source>
        <translation>{phase}阶段开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New {drug} dose</source>
        <translation>{drug}新剂量</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Clinic visit</source>
        <translation>门诊复诊</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} stopped - take no more</source>
        <translation>{drug}已停药 - 请勿再服</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blood test</source>
        <translation>抽血化验</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No {drug} today - held by your doctor</source>
        <translation>今日不服{drug} - 医生嘱咐暂停</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Blood test before cycle 1</source>
        <translation>第1周期前抽血化验</translation>
    </message>
    <message>
        <location filename="../../planner/export/day_list.py" line="-80"/>
        <source>Weigh: doses are recalculated at a change of {pct}% or more from {w} kg</source>
        <translation>称体重：体重较 {w} kg 变化 {pct}% 或以上时重新计算剂量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cumulative {drug} after today {amount} mg/m²</source>
        <translation>今日后{drug}累积剂量 {amount} mg/m²</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(limit {limit})</source>
        <translation>（上限 {limit}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dispense {drug} for days {first}-{last}: {prep}</source>
        <translation>发放{drug}，第 {first}-{last} 天：{prep}</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../../planner/export/dose_sheet.py" line="+145"/>
        <location filename="../../planner/export/pdf_base.py" line="+371"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRN {mrn}</source>
        <translation>病历号 {mrn}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born {dob}</source>
        <translation>出生 {dob}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Infusion</source>
        <translation>输注</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/export/ics.py" line="+57"/>
        <source>Cycle {c}, day {d}</source>
        <translation>第{c}周期，第{d}天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(delayed {days} days)</source>
        <translation>（延迟 {days} 天）</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+4"/>
        <source>Day list</source>
        <translation>当日清单</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Day list for {date}</source>
        <translation>{date} 当日清单</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Before every infusion: blood count reviewed against the start criteria; independent double check of each calculated dose.</source>
        <translation>每次输注前：对照用药开始标准复核血常规；每个计算剂量均须独立双人核对。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>SAME NAME as another patient: check MRN and date of birth</source>
        <translation>与其他患者同名：请核对病历号和出生日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>H {h} cm, W {w} kg</source>
        <translation>身高 {h} cm，体重 {w} kg</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>measured {date}</source>
        <translation>测量于 {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA {bsa}</source>
        <translation>体表面积 {bsa}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No dose today</source>
        <translation>今日不给药</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Infusions: {infusions}. Cycle starts with capsules only: {oral}. Blood tests for tomorrow: {bloods}.</source>
        <translation>输注：{infusions}。仅口服胶囊的周期开始：{oral}。明日抽血化验：{bloods}。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+23"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+23"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="-23"/>
        <location filename="../../planner/export/dose_sheet.py" line="+16"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Doses</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Height, weight, BSA</source>
        <translation>身高、体重、体表面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks due</source>
        <translation>需做的核对</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Infusions</source>
        <translation>输注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody is due for an infusion or a cycle start.</source>
        <translation>今日无人需要输注或开始新周期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No infusions today.</source>
        <translation>今日无输注。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle starts with capsules only</source>
        <translation>仅口服胶囊的周期开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cycle starts with capsules only.</source>
        <translation>今日无仅口服胶囊的周期开始。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Blood tests due (infusion tomorrow)</source>
        <translation>需抽血化验（明日输注）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Infusion tomorrow</source>
        <translation>明日输注</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No blood tests due.</source>
        <translation>无需抽血化验。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{date}: cycle {c} day {d} - {drugs}</source>
        <translation>{date}：第{c}周期第{d}天 - {drugs}</translation>
    </message>
    <message>
        <location filename="../../planner/export/dose_sheet.py" line="-66"/>
        <location line="+77"/>
        <location line="+66"/>
        <location filename="../../planner/export/patient_calendar.py" line="-42"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>{drug} {amount} mg/m² x {factor} / {target_factor} = {result} mg/m² {target}-equivalent</source>
        <translation>{drug} {amount} mg/m² × {factor} / {target_factor} = {result} mg/m² {target}当量</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ANC</source>
        <translation>中性粒细胞绝对计数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>platelets</source>
        <translation>血小板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hb</source>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LVEF</source>
        <translation>左心室射血分数 LVEF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no counts recorded</source>
        <translation>无血常规记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none in the regimen file</source>
        <translation>方案文件中未规定</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{w} kg, measured {date}</source>
        <translation>{w} kg（{date} 测量）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{w} kg (the plan&apos;s; no later weight recorded)</source>
        <translation>{w} kg（计划中的体重；之后无体重记录）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../planner/export/options.py" line="+37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/export/options.py" line="+1"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescriber</source>
        <translation>处方医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order date</source>
        <translation>医嘱日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height / weight</source>
        <translation>身高/体重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured on</source>
        <translation>测量日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current weight</source>
        <translation>当前体重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA</source>
        <translation>体表面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounding</source>
        <translation>取整</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>doses half-up to {step} mg; recalculate at a weight change of {pct}% or more</source>
        <translation>剂量四舍五入至 {step} mg；体重变化 {pct}% 或以上时重新计算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BSA cap</source>
        <translation>体表面积上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prior anthracyclines</source>
        <translation>既往蒽环类用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start criteria</source>
        <translation>开始治疗标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest counts</source>
        <translation>最近血常规</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>diluent {text}</source>
        <translation>稀释液 {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>volume {ml} mL</source>
        <translation>体积 {ml} mL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duration {text}</source>
        <translation>时长 {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Infusion of {drug}: {details}</source>
        <translation>{drug}输注：{details}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vesicant: watch the infusion site.</source>
        <translation>发疱剂：注意观察输注部位。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VESICANT - {text}</source>
        <translation>发疱剂 - {text}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double check of {drug}: calculated {calc} mg, checked {checked} mg ({deviation}%) - {verdict} - {first} and {second}, {when}</source>
        <translation>{drug}双人核对：计算 {calc} mg，核对 {checked} mg（{deviation}%）- {verdict} - {first} 和 {second}，{when}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cycle {n} ({phase}) - day 1: {date}</source>
        <translation>第{n}周期（{phase}）- 第1天：{date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>delayed {days} days</source>
        <translation>延迟 {days} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight {w} kg; doses calculated on {dw} kg; BSA {bsa}</source>
        <translation>体重 {w} kg；剂量按 {dw} kg 计算；体表面积 {bsa}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Route / days</source>
        <translation>途径/给药日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>剂量水平</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calculation</source>
        <translation>计算</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preparation</source>
        <translation>配制</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(reduced, level -{n})</source>
        <translation>（已下调，下调 {n} 级）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>day {days}</source>
        <translation>第 {days} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>held {days}</source>
        <translation>暂停 {days}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped from day {day}</source>
        <translation>自第{day}天起停药</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assessment before this cycle: {counts}</source>
        <translation>本周期前评估：{counts}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double check: none recorded yet.</source>
        <translation>双人核对：尚无记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cumulative {drug} after this cycle: {amount} mg/m² (prior exposure included)</source>
        <translation>本周期后{drug}累积剂量：{amount} mg/m²（含既往用量）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>limit {limit} mg/m²</source>
        <translation>上限 {limit} mg/m²</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Doxorubicin equivalent: {amount} mg/m²</source>
        <translation>多柔比星当量：{amount} mg/m²</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WARNING [{code}]: {message}</source>
        <translation>警示 [{code}]：{message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Modification: {text}</source>
        <translation>方案调整：{text}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prepared by</source>
        <translation>配制人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checked by</source>
        <translation>核对人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date / time</source>
        <translation>日期/时间</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+11"/>
        <source>Dose sheet</source>
        <translation>剂量单</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Chemotherapy dose sheet</source>
        <translation>化疗剂量单</translation>
    </message>
    <message>
        <location filename="../../planner/export/ics.py" line="+13"/>
        <location filename="../../planner/export/patient_calendar.py" line="+120"/>
        <source>Treatment calendar</source>
        <translation>治疗日历</translation>
    </message>
    <message>
        <location filename="../../planner/export/options.py" line="-6"/>
        <source>Name: enter the patient&apos;s name; it prints on every page.</source>
        <translation>姓名：请填写患者姓名；每页都会打印。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MRN: enter the patient&apos;s record number; it prints on every page.</source>
        <translation>病历号：请填写患者病历号；每页都会打印。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Institution</source>
        <translation>医院/科室</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone line</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{line} (24 hours, every day)</source>
        <translation>{line}（每天 24 小时）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paper: &apos;{paper}&apos; is not known; choose a4 or letter.</source>
        <translation>纸张：无法识别“{paper}”；请选择 a4 或 letter。</translation>
    </message>
    <message>
        <location filename="../../planner/export/patient_calendar.py" line="-484"/>
        <source>Bleeding: a nosebleed that will not stop, blood in urine, stool or vomit, or coughing up blood</source>
        <translation>出血：鼻出血不止，尿液、大便或呕吐物中带血，或咳血</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High blood pressure: a bad headache, dizziness or blurred vision</source>
        <translation>血压高：剧烈头痛、头晕或视物模糊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fever of 38 °C or more, or shivering</source>
        <translation>发热 38 °C 或以上，或寒战</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chest pain, a racing heart, or getting breathless</source>
        <translation>胸痛、心跳加快或气促</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severe diarrhoea (4 or more times a day more than usual) or vomiting</source>
        <translation>严重腹泻（每天比平时多 4 次或以上）或呕吐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Painful, red or blistered hands or feet</source>
        <translation>手足疼痛、发红或起水疱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swelling of the legs, or much less urine than usual</source>
        <translation>腿部肿胀，或尿量比平时明显减少</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>{month} (continued)</source>
        <translation>{month}（续）</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>My treatment calendar</source>
        <translation>我的治疗日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{regimen} - from {start} to {end}</source>
        <translation>{regimen} - {start} 至 {end}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your treatment at a glance</source>
        <translation>治疗概览</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the pictures mean</source>
        <translation>图标说明</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taking {drug}</source>
        <translation>如何服用{drug}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick the box each day after you have taken it.</source>
        <translation>每天服药后请在方框内打勾。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>If you forget a capsule</source>
        <translation>如果忘记吃药</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If you vomit</source>
        <translation>如果呕吐</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call us straight away if you have</source>
        <translation>出现以下情况请立即联系我们</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Whom to call</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Bring this calendar and your capsules to every hospital visit.</source>
        <translation>每次来医院请带上本日历和您的胶囊。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No {drug} in this calendar.</source>
        <translation>本日历中没有{drug}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From cycle {n} ({date}): {new} mg a day instead of {old} mg - use the {strength} capsules.</source>
        <translation>从第{n}周期（{date}）起：每天 {new} mg，不再是 {old} mg - 请服用 {strength} 的胶囊。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Capsule strength: {strength} ({dose} mg a day) from cycle {n}.</source>
        <translation>胶囊规格：从第{n}周期起为 {strength}（每天 {dose} mg）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The strength stays the same for the whole calendar.</source>
        <translation>整个日历期间胶囊规格不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your capsules change.</source>
        <translation>您的胶囊有变化。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What comes next</source>
        <translation>接下来的安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This calendar ends on {date}.</source>
        <translation>本日历到 {date} 结束。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This calendar ends on {date}, the last day of cycle {n}.</source>
        <translation>本日历到 {date} 结束，这一天是第{n}周期的最后一天。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your treatment goes on after this calendar: {phase} cycles of {days} days with {drugs}, for as long as it helps you and your doctor agrees. You get a new calendar at your next visit.</source>
        <translation>本日历结束后您的治疗还会继续：{phase}周期，每个周期 {days} 天，用药为{drugs}，只要治疗对您有效且医生同意，就一直继续。下次来院时您会拿到新的日历。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is the last planned cycle. At your next visit your doctor tells you what follows (scans, check-ups or more treatment).</source>
        <translation>这是计划中的最后一个周期。下次来院时，医生会告诉您接下来的安排（影像检查、复查或继续治疗）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your next visit</source>
        <translation>下次来院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date}: come to the clinic, with this calendar and your capsules.</source>
        <translation>{date}：请来门诊，带上本日历和您的胶囊。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not wait for your next visit if you feel unwell: call us straight away.</source>
        <translation>如果感觉不舒服，不要等到下次来院：请马上给我们打电话。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capsules</source>
        <translation>胶囊</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hospital</source>
        <translation>来院</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(with gaps)</source>
        <translation>（含间隔）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{drug} day - the dose is written on each day</source>
        <translation>{drug}服药日 - 每天标有剂量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick the box when you have taken your capsule</source>
        <translation>服用胶囊后请在方框内打勾</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Blood test at the clinic - before cycle 1 and before each hospital day</source>
        <translation>门诊抽血化验 - 第1周期前及每次来院日前</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clinic visit - check-up (and your next capsules)</source>
        <translation>门诊复诊 - 检查（并领取下一批胶囊）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Phone: the patient calendar needs a number the patient can call. Enter the ward phone number in Preferences &gt; Printouts (CLI: --phone) and print again.</source>
        <translation>电话：患者日历需要一个患者可以拨打的号码。请在 首选项 &gt; 打印设置 中填写病房电话（命令行：--phone），然后重新打印。</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Dose held or stopped by your doctor - do not take it</source>
        <translation>医生嘱咐暂停或停药 - 请勿服用</translation>
    </message>
    <message>
        <location filename="../../planner/export/pdf_base.py" line="-151"/>
        <source>Printed {date}</source>
        <translation>打印日期 {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page {n} of {m}</source>
        <translation>第 {n} 页，共 {m} 页</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>{name}    MRN {mrn}    Born {dob}</source>
        <translation>{name}    病历号 {mrn}    出生 {dob}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SAME NAME AS ANOTHER PATIENT</source>
        <translation>与其他患者同名</translation>
    </message>
    <message>
        <location filename="../../planner/export/intensity.py" line="+60"/>
        <location filename="../../planner/export/tables.py" line="+30"/>
        <source>Output file: &apos;{name}&apos; should end in .csv or .xlsx.</source>
        <translation>输出文件：“{name}”应以 .csv 或 .xlsx 结尾。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>病区</translation>
    </message>
    <message>
        <location filename="../../planner/export/tables.py" line="+12"/>
        <location line="+1"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../planner/export/wording.py" line="+27"/>
        <source>Cycle {c} delayed {days} days</source>
        <translation>第{c}周期延迟 {days} 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} dose level {level} {unit} from cycle {c}</source>
        <translation>{drug}自第{c}周期起剂量水平 {level} {unit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} held on days {days} of cycle {c}</source>
        <translation>第{c}周期第 {days} 天暂停{drug}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} stopped from day {day} of cycle {c}</source>
        <translation>{drug}自第{c}周期第{day}天起停药</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New weight {w} kg before cycle {c}</source>
        <translation>第{c}周期前新体重 {w} kg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(measured {date})</source>
        <translation>（测量于 {date}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug} at {pct}% of the {of} dose from cycle {c}</source>
        <translation>自第{c}周期起{drug}按{of}剂量的 {pct}% 给药</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <translation>起始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Treatment ended on {date} ({reason}); no cycles after cycle {c}</source>
        <translation>治疗已于 {date} 结束（{reason}）；第{c}周期后无后续周期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{ml} mL at {conc} mg/mL</source>
        <translation>{ml} mL，浓度 {conc} mg/mL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(exactly {exact} mL)</source>
        <translation>（精确值 {exact} mL）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>vial</source>
        <translation>瓶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vials</source>
        <translation>瓶</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>({total} mg opened, {left} mg left over)</source>
        <translation>（开启 {total} mg，剩余 {left} mg）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no capsule combination makes {mg} mg</source>
        <translation>现有胶囊规格无法组合成 {mg} mg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../planner/export/monitoring_visits.py" line="+24"/>
        <source>heart scan (LVEF)</source>
        <translation>心脏超声（LVEF）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tests: {tests}</source>
        <translation>检查：{tests}</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../planner/gui/export_actions.py" line="+94"/>
        <source>Export patient &amp;calendar (PDF)...</source>
        <translation>导出患者日历 (PDF)(&amp;C)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The month calendar the patient takes home, with tick boxes and phone numbers</source>
        <translation>患者带回家的月历，含打勾方框和联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;dose sheet (PDF)...</source>
        <translation>导出剂量单 (PDF)(&amp;D)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every dose with its calculation, for preparing and checking</source>
        <translation>每个剂量及其计算过程，用于配制和核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export day &amp;list (PDF)...</source>
        <translation>导出当日清单 (PDF)(&amp;L)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone due for an infusion or a cycle start on a day, from all patients</source>
        <translation>所有患者中某天需要输注或开始新周期的人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export calendar for &amp;phone (.ics)...</source>
        <translation>导出手机日历 (.ics)(&amp;P)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capsule days, infusions and blood tests as calendar events for the patient&apos;s phone</source>
        <translation>将服药日、输注和抽血化验作为日历事件导入患者手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export plan &amp;table (CSV / Excel)...</source>
        <translation>导出计划表 (CSV / Excel)(&amp;T)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan day by day as a CSV file or an Excel workbook</source>
        <translation>按天列出的计划，CSV 文件或 Excel 工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the patient calendar or the dose sheet, with a preview</source>
        <translation>打印患者日历或剂量单，带预览</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the exported file</source>
        <translation>打开导出的文件</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Open a patient first.</source>
        <translation>请先打开一位患者。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan cannot be exported</source>
        <translation>无法导出计划</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saving {what}...</source>
        <translation>正在保存{what}...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved {what}: {path}</source>
        <translation>已保存{what}：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open {path} in the system viewer</source>
        <translation>在系统查看器中打开 {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot save {path}: {problem}</source>
        <translation>无法保存 {path}：{problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save {path}: an unexpected error ({error}). Nothing was saved.</source>
        <translation>无法保存 {path}：意外错误（{error}）。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No phone number</source>
        <translation>没有电话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient calendar needs a number the patient can call. Enter the ward phone number in Preferences &gt; Printouts, then export again.</source>
        <translation>患者日历需要一个患者可以拨打的号码。请在 首选项 &gt; 打印设置 中填写病房电话，然后重新导出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the patient calendar</source>
        <translation>患者日历</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the dose sheet</source>
        <translation>剂量单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export patient calendar</source>
        <translation>导出患者日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export dose sheet</source>
        <translation>导出剂量单</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The database is not open yet.</source>
        <translation>数据库尚未打开。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export day list</source>
        <translation>导出当日清单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the day list for {day}</source>
        <translation>{day} 当日清单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export calendar for the phone</source>
        <translation>导出手机日历</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iCalendar file (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the phone calendar</source>
        <translation>手机日历</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export plan table</source>
        <translation>导出计划表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan table</source>
        <translation>计划表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Infusion on a closed day</source>
        <translation>输注日门诊停诊</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to next open day</source>
        <translation>顺延至下一个开诊日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print anyway</source>
        <translation>仍然打印</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Printing {what}...</source>
        <translation>正在打印{what}...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sent {pages} to the printer {printer}.</source>
        <translation>已将 {pages} 发送到打印机 {printer}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The document could not be printed ({error}). Check the printer and try again.</source>
        <translation>文档无法打印（{error}）。请检查打印机后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../planner/gui/export_jobs.py" line="+40"/>
        <source>Ward: {number}</source>
        <translation>病房：{number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emergency: {number}</source>
        <translation>急诊：{number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency (out of hours): {number}</source>
        <translation>急诊（非工作时间）：{number}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>patient-calendar</source>
        <translation>患者日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dose-sheet</source>
        <translation>剂量单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day-list</source>
        <translation>当日清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>treatment-calendar</source>
        <translation>治疗日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan-table</source>
        <translation>计划表</translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <location filename="../../planner/commands/export.py" line="+265"/>
        <source>Weeks: &apos;{text}&apos; is not a whole number; enter 1 to 52.</source>
        <translation>周数：“{text}”不是整数；请输入 1 至 52。</translation>
    </message>
    <message>
        <location filename="../../planner/export/forecast.py" line="+44"/>
        <source>Weeks: enter a whole number from 1 to {max}.</source>
        <translation>周数：请输入 1 至 {max} 的整数。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Output file: &apos;{name}&apos; should end in .csv, .xlsx or .pdf.</source>
        <translation>输出文件：“{name}”应以 .csv、.xlsx 或 .pdf 结尾。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Days</source>
        <translation>按日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weeks</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../planner/export/forecast_pdf.py" line="+31"/>
        <source>Infusions</source>
        <translation>输注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral-only cycle starts</source>
        <translation>仅口服的周期开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood tests</source>
        <translation>抽血化验</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+34"/>
        <source>Ward forecast</source>
        <translation>病区预测</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Ward forecast {first} to {last}</source>
        <translation>病区预测 {first} 至 {last}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Weekly totals</source>
        <translation>每周合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Chair-hours</source>
        <translation>输注椅时</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Day by day</source>
        <translation>逐日明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
</context>
<context>
    <name>ForecastModel</name>
    <message>
        <location filename="../../planner/gui/views/forecast_view.py" line="+53"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Infusions</source>
        <translation>输注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oral-only starts</source>
        <translation>仅口服周期开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blood tests</source>
        <translation>抽血化验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chair-hours</source>
        <translation>输注椅时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location line="+70"/>
        <source>First day of the forecast</source>
        <translation>预测的第一天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of weeks</source>
        <translation>周数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;From</source>
        <translation>起始(&amp;F)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Forecast by day</source>
        <translation>按日预测</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Infusions</source>
        <translation>输注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oral-only starts</source>
        <translation>仅口服周期开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood tests</source>
        <translation>抽血化验</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Counting...</source>
        <translation>正在统计...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>week of {date}: {infusions} infusions, {oral} oral-only starts, {bloods} blood tests, {hours} chair-hours</source>
        <translation>{date} 当周：输注 {infusions} 次，仅口服周期开始 {oral} 例，抽血化验 {bloods} 次，输注椅时 {hours}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Forecast chart</source>
        <translation>预测图表</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../planner/gui/history.py" line="+29"/>
        <source>Plan changes</source>
        <translation>计划更改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given</source>
        <translation>给药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double checks</source>
        <translation>双人核对</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patient details</source>
        <translation>患者信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawals</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+9"/>
        <source>Withdrew: {what}</source>
        <translation>已撤回：{what}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double check, cycle {c} {drug}: {checked} mg against {calculated} mg ({verdict}; {first} / {second})</source>
        <translation>双人核对，第{c}周期{drug}：核对 {checked} mg / 计算 {calculated} mg（{verdict}；{first} / {second}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weight {w} kg, height {h} cm, measured {when}</source>
        <translation>体重 {w} kg，身高 {h} cm，测量于 {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient added</source>
        <translation>已添加患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient imported from a plan file</source>
        <translation>已从计划文件导入患者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details edited: {fields}</source>
        <translation>已修改信息：{fields}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdrawn from treatment</source>
        <translation>已退出治疗</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assessment of cycle {c} accepted ({decision})</source>
        <translation>已接受第{c}周期的评估（{decision}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assessment of cycle {c} recorded ({decision})</source>
        <translation>已记录第{c}周期的评估（{decision}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Withdrew an accepted assessment and the changes it made</source>
        <translation>已撤回一项已接受的评估及其所做的更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan settings changed</source>
        <translation>计划设置已更改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>withdrawn by {who} {when}: {reason}</source>
        <translation>已由 {who} 于 {when} 撤回：{reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Given: {drug} {mg} mg, cycle {c} day {d}, on {when}</source>
        <translation>已给药：{drug} {mg} mg，第{c}周期第{d}天，给药时间 {when}</translation>
    </message>
    <message>
        <location filename="../../planner/gui/history_commands.py" line="+27"/>
        <source>Only a plan change or a dose marked given can be withdrawn.</source>
        <translation>只能撤回计划更改或已标记给药的剂量。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Restored (undo of a withdrawal): {reason}</source>
        <translation>已恢复（撤销撤回）：{reason}</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <location filename="../../planner/gui/models/history_model.py" line="+28"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason / note</source>
        <translation>原因/备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../planner/gui/views/history_view.py" line="+40"/>
        <source>Filter: who, what, reason, date...</source>
        <translation>筛选：操作人、内容、原因、日期...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the history</source>
        <translation>筛选历史记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind of change</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withdraw this change...</source>
        <translation>撤回此更改...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdraw the selected plan change or Mark given, with a reason (kept on record; Ctrl+Z undoes it)</source>
        <translation>撤回所选的计划更改或“标记已给药”，须填写原因（记录保留；按 Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History of changes</source>
        <translation>更改历史</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{n} changes</source>
        <translation>{n} 条更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} of {total} changes</source>
        <translation>{shown} / {total} 条更改</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <location filename="../../planner/gui/live_refresh.py" line="+186"/>
        <source>{name} was updated by {user}; showing the latest version.</source>
        <translation>{name} 已由 {user} 更新；现显示最新版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo history cleared: it was made on the older version.</source>
        <translation>撤销历史已清除：它基于旧版本。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The open patient was changed on another workstation and is no longer under MRN {mrn}; choose them again in the list.</source>
        <translation>当前打开的患者已在另一台工作站上被修改，病历号已不再是 {mrn}；请在列表中重新选择该患者。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../planner/gui/actions.py" line="+117"/>
        <source>&amp;New patient...</source>
        <translation>新建患者(&amp;N)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a patient and plan their treatment</source>
        <translation>添加患者并计划其治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;demo patient</source>
        <translation>添加演示患者(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a demo patient mid-treatment to look around</source>
        <translation>添加一位治疗中的演示患者，方便熟悉功能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit patient...</source>
        <translation>编辑患者(&amp;E)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected patient&apos;s details</source>
        <translation>编辑所选患者的信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw patient...</source>
        <translation>退出治疗(&amp;W)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw the selected patient from active treatment (kept on record)</source>
        <translation>将所选患者退出在治名单（记录保留）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;nd treatment...</source>
        <translation>结束治疗(&amp;N)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the treatment (progression, toxicity, patient&apos;s choice, death, other): the plan stops after the cycle in progress</source>
        <translation>结束治疗（疾病进展、毒性、患者意愿、死亡、其他）：计划在当前周期后停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find patient</source>
        <translation>查找患者(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search patients by name or MRN</source>
        <translation>按姓名或病历号搜索患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA formula, rounding, tolerance, printouts</source>
        <translation>体表面积公式、取整、容差、打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Cycle Planner</source>
        <translation>关闭化疗周期计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Cycle Planner</source>
        <translation>关于化疗周期计划(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version and where the clinical facts come from</source>
        <translation>版本及临床依据来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../planner/gui/main_window.py" line="+187"/>
        <source>Cycle Planner</source>
        <translation>化疗周期计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Opening the patient database...</source>
        <translation>正在打开患者数据库...</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Choose a patient on the left, or add a new one with File &gt; New patient (Ctrl+N).</source>
        <translation>请在左侧选择患者，或通过 文件 &gt; 新建患者 (Ctrl+N) 添加新患者。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose check</source>
        <translation>剂量核对</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+70"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+70"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../planner/gui/window_layout.py" line="+66"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Calendar</source>
        <translation>日历(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the treatment calendar</source>
        <translation>显示治疗日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ycles</source>
        <translation>周期(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the table of cycles and their actions</source>
        <translation>显示周期表及其操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dose check</source>
        <translation>剂量核对(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the dose check of the selected cycle</source>
        <translation>显示所选周期的剂量核对</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Dose chec&amp;k</source>
        <translation>剂量核对(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dose check of the selected cycle (Ctrl+3)</source>
        <translation>所选周期的剂量核对 (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../planner/gui/main_window.py" line="-11"/>
        <location line="+99"/>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database opened.</source>
        <translation>数据库已打开。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The database could not be opened: {error}</source>
        <translation>无法打开数据库：{error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The patient list could not be refreshed.</source>
        <translation>无法刷新患者列表。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Patient not opened</source>
        <translation>未能打开患者</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Undone: {what}. Redo with Ctrl+Shift+Z.</source>
        <translation>已撤销：{what}。按 Ctrl+Shift+Z 重做。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redone: {what}.</source>
        <translation>已重做：{what}。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Plan cannot be shown</source>
        <translation>无法显示计划</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Clinic closed on {date} ({why}): moved to the next open day, {next}</source>
        <translation>{date} 门诊停诊（{why}）：已顺延至下一个开诊日 {next}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The history of a withdrawn patient is closed.</source>
        <translation>已退出治疗的患者，其历史记录已锁定。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Withdraw: {what}</source>
        <translation>撤回：{what}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Withdrawn: {what}. Undo with Ctrl+Z.</source>
        <translation>已撤回：{what}。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../planner/gui/forecast_page.py" line="+40"/>
        <source>&amp;Ward forecast</source>
        <translation>病区预测(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusions, oral-only starts, blood tests and chair-hours of the coming weeks</source>
        <translation>未来几周的输注、仅口服周期开始、抽血化验和输注椅时</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../planner/gui/main_window.py" line="+34"/>
        <source>The database is not open yet.</source>
        <translation>数据库尚未打开。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The forecast could not be counted.</source>
        <translation>无法计算预测。</translation>
    </message>
    <message>
        <location filename="../../planner/gui/main_window.py" line="+18"/>
        <source>Patient added; the plan is on the Calendar and Cycles tabs.</source>
        <translation>已添加患者；计划见“日历”和“周期”标签页。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo patient not added</source>
        <translation>未添加演示患者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo patient added: cycle 3 was delayed a week and epirubicin reduced to 75 mg/m².</source>
        <translation>已添加演示患者：第3周期延迟一周，表柔比星下调至 75 mg/m²。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the edited details</source>
        <translation>修改后的信息</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Patient withdrawn; tick Show withdrawn to see them in the list.</source>
        <translation>患者已退出治疗；勾选“显示已退出”可在列表中查看。</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+11"/>
        <location line="+3"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>your change</source>
        <translation>您的更改</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+3"/>
        <source>Undo / redo not possible</source>
        <translation>无法撤销/重做</translation>
    </message>
    <message>
        <location line="-185"/>
        <location line="+195"/>
        <source>Patient withdrawn</source>
        <translation>患者已退出治疗</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Not saved: the patient was changed on another workstation and has been reloaded. Save again to apply these details to it, or Cancel.</source>
        <translation>未保存：该患者已在另一台工作站上被修改，现已重新加载。再次保存可将这些信息应用到该患者，或点击取消。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Not saved; the patient was reloaded with the other change.</source>
        <translation>未保存；已重新加载该患者，含另一处更改。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This patient was withdrawn from treatment ({reason}); their plan can no longer be changed.</source>
        <translation>该患者已退出治疗（{reason}）；其计划不能再更改。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+47"/>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+20"/>
        <location line="+21"/>
        <source>Saved: {what}. Undo with Ctrl+Z.</source>
        <translation>已保存：{what}。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Accept assessment of cycle {n}</source>
        <translation>接受第{n}周期的评估</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Given: {drug} {mg} mg, cycle {c} day {d}</source>
        <translation>已给药：{drug} {mg} mg，第{c}周期第{d}天</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double check {verdict}: cycle {c}, deviation {pct}%.</source>
        <translation>双人核对{verdict}：第{c}周期，偏差 {pct}%。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Preferences saved; new plans use them.</source>
        <translation>首选项已保存；新计划将使用这些设置。</translation>
    </message>
    <message>
        <location filename="../../planner/gui/about.py" line="+17"/>
        <source>About Cycle Planner</source>
        <translation>关于化疗周期计划</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&lt;b&gt;Cycle Planner&lt;/b&gt;&lt;br&gt;Plans chemotherapy cycles, shows every dose with its calculation and records the independent double check.&lt;br&gt;&lt;br&gt;Every number can be traced: BSA with its formula and inputs, each dose as level x BSA = exact -&gt; rounded.</source>
        <translation>&lt;b&gt;化疗周期计划&lt;/b&gt;&lt;br&gt;计划化疗周期，显示每个剂量及其计算过程，并记录独立双人核对。&lt;br&gt;&lt;br&gt;每个数字均可追溯：体表面积及其公式和输入值，每个剂量按 剂量水平 × 体表面积 = 精确值 -&gt; 取整剂量 计算。</translation>
    </message>
</context>
<context>
    <name>MarkGivenDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/simple_dialogs.py" line="+116"/>
        <source>Mark given: cycle {n}</source>
        <translation>标记已给药：第{n}周期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dose given</source>
        <translation>已给剂量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{drug} {mg} mg, day {day} ({date})</source>
        <translation>{drug} {mg} mg，第{day}天（{date}）</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+65"/>
        <source>Given on</source>
        <translation>给药日期</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>optional, e.g. given late after antiemetics</source>
        <translation>可选，例如：止吐后延迟给药</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Saved with your name and the time. A mistake can be undone with Edit &gt; Undo (Ctrl+Z); the record then shows it as withdrawn.</source>
        <translation>将与您的姓名和时间一同保存。如有错误，可通过 编辑 &gt; 撤销 (Ctrl+Z) 撤回；记录中将显示为已撤回。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Note or reason</source>
        <translation>备注或原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem with this entry</source>
        <translation>此条目有问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record as given</source>
        <translation>记录为已给药</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dose:</source>
        <translation>剂量：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given on:</source>
        <translation>给药日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note / reason:</source>
        <translation>备注/原因：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>required: why it was given on another day than {date}</source>
        <translation>必填：为何未在 {date} 而在其他日期给药</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This cycle has no planned doses left to give.</source>
        <translation>本周期没有剩余的计划剂量需要给药。</translation>
    </message>
</context>
<context>
    <name>Monitoring</name>
    <message>
        <location filename="../../planner/core/monitoring.py" line="+47"/>
        <source>Blood count</source>
        <translation>血常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liver function</source>
        <translation>肝功能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood pressure</source>
        <translation>血压</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine protein</source>
        <translation>尿蛋白</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thyroid function</source>
        <translation>甲状腺功能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LVEF</source>
        <translation>左心室射血分数 LVEF</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>before {drug}</source>
        <translation>{drug}给药前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every {n} cycles</source>
        <translation>每 {n} 个周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every cycle</source>
        <translation>每个周期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cumulative {drug} past {tier} mg/m² with this cycle</source>
        <translation>本周期后{drug}累积剂量超过 {tier} mg/m²</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Monitoring due: {tests}</source>
        <translation>需监测：{tests}</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <location filename="../../planner/gui/views/month_grid.py" line="+139"/>
        <source>{date}: not part of the plan</source>
        <translation>{date}：不在计划内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{date}: blood count before cycle {n}</source>
        <translation>{date}：第{n}周期前查血常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date}: before cycle {n}</source>
        <translation>{date}：第{n}周期前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{date}: cycle {n}, day {d}</source>
        <translation>{date}：第{n}周期，第{d}天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{drug} {dose} mg {route}</source>
        <translation>{drug} {dose} mg {route}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(reduced dose level)</source>
        <translation>（剂量已下调）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+208"/>
        <source>{drug} held</source>
        <translation>{drug}暂停</translation>
    </message>
    <message>
        <location line="-206"/>
        <location line="+209"/>
        <location line="+1"/>
        <source>{drug} stopped</source>
        <translation>{drug}停药</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>Delay: no treatment</source>
        <translation>延迟：不治疗</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blood count due</source>
        <translation>需查血常规</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>+{n}</source>
        <translation>+{n}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rest</source>
        <translation>休息</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>before cycle {n}</source>
        <translation>第{n}周期前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>before C{n}</source>
        <translation>C{n} 前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle {n} · D{d}</source>
        <translation>第{n}周期 · 第{d}天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C{n} D{d}</source>
        <translation>C{n} D{d}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C{n}</source>
        <translation>C{n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{drug} {dose} mg</source>
        <translation>{drug} {dose} mg</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>held</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stop</source>
        <translation>停药</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+37"/>
        <source>{dose} mg</source>
        <translation>{dose} mg</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Blood count</source>
        <translation>查血常规</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blood</source>
        <translation>抽血</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FBC</source>
        <translation>血常规</translation>
    </message>
</context>
<context>
    <name>OmitDaysDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/cycle_actions.py" line="+8"/>
        <source>Omit days in cycle {n}</source>
        <translation>第{n}周期暂停给药日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days to omit</source>
        <translation>暂停天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cycle days, e.g. 8-14 or 3, 5</source>
        <translation>周期日，例如 8-14 或 3, 5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drug:</source>
        <translation>药物：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned on days:</source>
        <translation>计划给药日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omit days:</source>
        <translation>暂停日：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Omit days: name the cycle days to hold, e.g. 8-14.</source>
        <translation>暂停给药日：请填写要暂停的周期日，例如 8-14。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omit days: &apos;{text}&apos; is not a list of cycle days 1-{max} ({why}).</source>
        <translation>暂停给药日：“{text}”不是有效的周期日列表 1-{max}（{why}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{drug} in cycle {n} will be given on days {days}.</source>
        <translation>第{n}周期{drug}将在第 {days} 天给药。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/patient_dialog.py" line="+109"/>
        <source>Calendar language</source>
        <translation>日历语言</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Calendar language:</source>
        <translation>日历语言：</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>The language of the patient calendar and the phone calendar (.ics); the dose sheet and the day list print in the program&apos;s language.</source>
        <translation>患者日历和手机日历 (.ics) 所用的语言；剂量单和当日清单按程序语言打印。</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit patient</source>
        <translation>编辑患者</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+206"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Family name, given name</source>
        <translation>姓在前，名在后</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+263"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>Medical record number</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+268"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可选）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other / unknown</source>
        <translation>其他/未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. penicillin (rash); leave empty if none known</source>
        <translation>例如：青霉素（皮疹）；无已知过敏则留空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescriber</source>
        <translation>处方医生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the doctor who ordered the treatment</source>
        <translation>开具治疗医嘱的医生</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRN:</source>
        <translation>病历号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis:</source>
        <translation>诊断：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies:</source>
        <translation>过敏史：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. 170</source>
        <translation>例如 170</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height unit</source>
        <translation>身高单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. 70</source>
        <translation>例如 70</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight unit</source>
        <translation>体重单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+171"/>
        <location line="+60"/>
        <location line="+2"/>
        <location line="+4"/>
        <source>Measured on</source>
        <translation>测量日期</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body surface area</source>
        <translation>体表面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height and weight</source>
        <translation>身高和体重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Height:</source>
        <translation>身高：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight:</source>
        <translation>体重：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured on:</source>
        <translation>测量日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA:</source>
        <translation>体表面积：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Regimen</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+145"/>
        <location line="+4"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>YYYY-MM-DD: day 1 of cycle 1</source>
        <translation>YYYY-MM-DD：第1周期第1天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prior anthracycline drug</source>
        <translation>既往蒽环类药物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prior anthracycline amount</source>
        <translation>既往蒽环类用量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cumulative mg/m²</source>
        <translation>累积 mg/m²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treatment plan</source>
        <translation>治疗计划</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start (cycle 1 day 1):</source>
        <translation>开始（第1周期第1天）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prior anthracycline:</source>
        <translation>既往蒽环类：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save patient</source>
        <translation>保存患者</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problem with this form</source>
        <translation>表单有问题</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(and {n} more)</source>
        <translation>（另有 {n} 项）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The MRN identifies the record and cannot be changed.</source>
        <translation>病历号用于识别记录，不能更改。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recorded with the plan: change the weight with Record weight on the Cycles tab, and the plan with the cycle actions.</source>
        <translation>已随计划记录：请在“周期”标签页用“记录体重”更改体重，用周期操作更改计划。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{label} is missing.</source>
        <translation>缺少{label}。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>= {cm} cm = {inch} in</source>
        <translation>= {cm} cm = {inch} in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>= {kg} kg = {lb} lb</source>
        <translation>= {kg} kg = {lb} lb</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter height and weight to see the BSA.</source>
        <translation>输入身高和体重以查看体表面积。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{label} is missing; write it as YYYY-MM-DD.</source>
        <translation>缺少{label}；请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MRN: no spaces, please (for example 00123456).</source>
        <translation>病历号：请勿包含空格（例如 00123456）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of birth: {date} is not in the past.</source>
        <translation>出生日期：{date} 不是过去的日期。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Prior anthracycline: enter the cumulative {drug} dose in mg/m² (0 to {max}).</source>
        <translation>既往蒽环类：请填写{drug}累积剂量，单位 mg/m²（0 至 {max}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prior anthracycline</source>
        <translation>既往蒽环类</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Measured on: {date} is in the future.</source>
        <translation>测量日期：{date} 是将来的日期。</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Regimen, prescriber:</source>
        <translation>方案、处方医生：</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Prior anthracycline: choose the drug the amount is for.</source>
        <translation>既往蒽环类：请选择该用量对应的药物。</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <location filename="../../planner/gui/facts.py" line="-121"/>
        <source>Withdrawn</source>
        <translation>已退出治疗</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cycle {n}: {what}</source>
        <translation>第{n}周期：{what}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cycle {n}: double check due</source>
        <translation>第{n}周期：需双人核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No passed double check of the current dose yet for: {drugs}</source>
        <translation>以下药物的当前剂量尚无通过的双人核对：{drugs}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{drug} (checked at {old} mg; the plan now calculates {new} mg)</source>
        <translation>{drug}（核对时为 {old} mg；计划现计算为 {new} mg）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cumulative {drug} over limit</source>
        <translation>{drug}累积剂量超限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BSA capped</source>
        <translation>体表面积已封顶</translation>
    </message>
    <message>
        <location filename="../../planner/gui/widgets/patient_header.py" line="+51"/>
        <source>Patient details</source>
        <translation>患者信息</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Move to next open day</source>
        <translation>顺延至下一个开诊日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delays the cycle whose infusion falls on a closed clinic day to the next open day (undoable)</source>
        <translation>将输注日恰逢门诊停诊的周期延迟至下一个开诊日（可撤销）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>MRN {mrn}</source>
        <translation>病历号 {mrn}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{age} years (born {dob})</source>
        <translation>{age} 岁（出生于 {dob}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+33"/>
        <source>date of birth not recorded</source>
        <translation>未记录出生日期</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Height {h} cm · Weight {w} kg (measured {when})</source>
        <translation>身高 {h} cm · 体重 {w} kg（测量于 {when}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cycle {n}</source>
        <translation>第{n}周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA {m2} m² ({formula}, {which})</source>
        <translation>体表面积 {m2} m²（{formula}，{which}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allergies: {text}</source>
        <translation>过敏史：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allergies: none recorded</source>
        <translation>过敏史：无记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Same name as another patient</source>
        <translation>与其他患者同名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another patient has the name {name}: check the MRN {mrn} and the date of birth ({dob}) before every dose.</source>
        <translation>另有一位患者名为 {name}：每次给药前请核对病历号 {mrn} 和出生日期（{dob}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cycle {n}: infusion on a closed day ({date})</source>
        <translation>第{n}周期：输注日门诊停诊（{date}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delay cycle {n} by {d} days, to {date}</source>
        <translation>第{n}周期延迟 {d} 天，至 {date}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>RDI {drug} {pct} %</source>
        <translation>RDI {drug} {pct} %</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Relative dose intensity of {drug} over {n} completed cycles:
given {given} {basis} in {weeks} weeks = {given_week} {basis}/week
planned {planned} {basis} in {planned_weeks} weeks = {planned_week} {basis}/week
RDI = {given_week} / {planned_week} = {pct} %</source>
        <translation>{drug}在已完成的 {n} 个周期中的相对剂量强度：
实际给药 {given} {basis}，共 {weeks} 周 = {given_week} {basis}/周
计划 {planned} {basis}，共 {planned_weeks} 周 = {planned_week} {basis}/周
RDI = {given_week} / {planned_week} = {pct} %</translation>
    </message>
    <message>
        <location filename="../../planner/gui/monitoring_badges.py" line="+21"/>
        <source>Treatment ended</source>
        <translation>治疗已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended on {date} ({reason}); the plan stops after cycle {n}.</source>
        <translation>已于 {date} 结束（{reason}）；计划在第{n}周期后停止。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>LVEF due</source>
        <translation>LVEF 待查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cycle {n}: LVEF by {date} ({why}).</source>
        <translation>第{n}周期：{date} 前需查 LVEF（{why}）。</translation>
    </message>
</context>
<context>
    <name>PatientList</name>
    <message>
        <location filename="../../planner/gui/widgets/patient_list.py" line="+105"/>
        <source>Search by name or MRN  (Ctrl+F)</source>
        <translation>按姓名或病历号搜索  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search patients by name or MRN</source>
        <translation>按姓名或病历号搜索患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of patients shown</source>
        <translation>显示的患者人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show withdrawn</source>
        <translation>显示已退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show withdrawn patients</source>
        <translation>显示已退出治疗的患者</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>1 patient</source>
        <translation>1 位患者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} patients</source>
        <translation>{n} 位患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of {total} patients</source>
        <translation>{shown} / {total} 位患者</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../planner/gui/widgets/patient_page.py" line="+23"/>
        <source>Treatment calendar</source>
        <translation>治疗日历</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cycles</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan views</source>
        <translation>计划视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Calendar</source>
        <translation>日历(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ycles</source>
        <translation>周期(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assessment</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dose check</source>
        <translation>剂量核对</translation>
    </message>
</context>
<context>
    <name>PatientsTableModel</name>
    <message>
        <location filename="../../planner/gui/models/patients_model.py" line="+45"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regimen</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next dose</source>
        <translation>下次给药</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On treatment</source>
        <translation>治疗中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location line="+257"/>
        <source>Another patient has the same name: check the MRN and date of birth.</source>
        <translation>另有一位同名患者：请核对病历号和出生日期。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>DOB unknown</source>
        <translation>出生日期不详</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · {dob}</source>
        <translation>{name} · {dob}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Regimen: {regimen}</source>
        <translation>治疗方案：{regimen}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current cycle: {n}</source>
        <translation>当前周期：{n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next dose: {date}</source>
        <translation>下次给药：{date}</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <location filename="../../planner/core/plan.py" line="+200"/>
        <source>Cycle: there is no cycle {n} in this plan.</source>
        <translation>周期：本计划没有第{n}周期。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>End of treatment: cycle {n} does not exist in this plan.</source>
        <translation>结束治疗：本计划中不存在第{n}周期。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{what}: cycle {n} does not exist; this plan has cycles 1 to {count}.</source>
        <translation>{what}：第{n}周期不存在；本计划包含第 1 至 {count} 周期。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose level change</source>
        <translation>剂量水平调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percentage dose change</source>
        <translation>按百分比调整剂量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omitted days</source>
        <translation>暂停给药日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New weight</source>
        <translation>新体重</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delay: {days} days is not possible; a delay is 1 to {max} days.</source>
        <translation>延迟：不能延迟 {days} 天；延迟范围为 1 至 {max} 天。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dose level: {drug} has the levels {levels} {unit}; {level} is not one of them.</source>
        <translation>剂量水平：{drug}的剂量水平为 {levels} {unit}；{level} 不在其中。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Percentage dose change: {drug} is a flat dose in fixed strengths; change its dose level instead.</source>
        <translation>按百分比调整剂量：{drug}为固定规格的固定剂量；请改为调整其剂量水平。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Percentage dose change: enter a percentage above 0 and at most 100, not {pct}.</source>
        <translation>按百分比调整剂量：请输入大于 0 且不超过 100 的百分比，不能是 {pct}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Percentage dose change: the base is &apos;starting&apos; or &apos;current&apos;, not &apos;{of}&apos;.</source>
        <translation>按百分比调整剂量：基准为“starting”（起始剂量）或“current”（当前剂量），不能是“{of}”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Omitted days: name at least one day.</source>
        <translation>暂停给药日：请至少填写一天。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what}: {drug} is not given on day {day} of cycle {cycle}.</source>
        <translation>{what}：第{cycle}周期第{day}天不给予{drug}。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dose level: {drug} is already at {level} {unit} in cycle {cycle}; choose another level (-1 and -2 count from the starting dose).</source>
        <translation>剂量水平：第{cycle}周期{drug}已是 {level} {unit}；请选择其他剂量水平（-1 和 -2 从起始剂量起算）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Maintenance cycles: this regimen is open-ended; plan at least 1 cycle.</source>
        <translation>维持治疗周期数：该方案无固定疗程；请至少计划 1 个周期。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Weight {new} kg ({pct}% from {old} kg): doses recalculated.</source>
        <translation>体重 {new} kg（较 {old} kg 变化 {pct}%）：剂量已重新计算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight {new} kg ({pct}% from {old} kg): below the {threshold}% threshold, doses unchanged.</source>
        <translation>体重 {new} kg（较 {old} kg 变化 {pct}%）：低于 {threshold}% 阈值，剂量不变。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>BSA capped at {cap} m² (calculated {bsa} m²).</source>
        <translation>体表面积封顶为 {cap} m²（计算值 {bsa} m²）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cumulative {drug} {total} mg/m² (prior exposure included) is above the {limit} mg/m² limit: check LVEF and confirm with the prescriber.</source>
        <translation>{drug}累积剂量 {total} mg/m²（含既往用量）超过 {limit} mg/m² 上限：请检查左心室射血分数 (LVEF) 并与处方医生确认。</translation>
    </message>
</context>
<context>
    <name>PlanCalendar</name>
    <message>
        <location filename="../../planner/gui/views/calendar_view.py" line="+57"/>
        <source>Treatment calendar</source>
        <translation>治疗日历</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Previous</source>
        <translation>◀ 上个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous month (Page Up)</source>
        <translation>上个月 (Page Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the month of today (Home)</source>
        <translation>转到今天所在月份 (Home)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to today</source>
        <translation>转到今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>下个月 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month (Page Down)</source>
        <translation>下个月 (Page Down)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plan dates</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Details of the selected day</source>
        <translation>所选日期详情</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Details of the selected day (scrolls)</source>
        <translation>所选日期详情（可滚动）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>No plan: choose a patient to see the treatment calendar.</source>
        <translation>无计划：请选择患者以查看治疗日历。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{regimen}: {count} cycles, {start} to {end}</source>
        <translation>{regimen}：{count} 个周期，{start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/preferences_dialog.py" line="+53"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>BSA formula</source>
        <translation>体表面积公式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rounding step in mg</source>
        <translation>取整步长（mg）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recalculation threshold in percent</source>
        <translation>重新计算阈值（百分比）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BSA cap in square metres</source>
        <translation>体表面积上限（平方米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: no cap</source>
        <translation>留空：不设上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maintenance cycles to plan ahead</source>
        <translation>预先计划的维持治疗周期数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock after this many minutes without use</source>
        <translation>无操作达到此分钟数后锁定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verification tolerance in percent</source>
        <translation>核对容差（百分比）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm a weight change over this percentage</source>
        <translation>体重变化超过此百分比时需确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Institution name</source>
        <translation>医院/科室名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ward phone number</source>
        <translation>病房电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency phone number (out of hours)</source>
        <translation>急诊电话（非工作时间）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The emergency line answers 24 hours a day</source>
        <translation>急诊电话 24 小时有人接听</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic closed on {day}</source>
        <translation>{day}门诊停诊</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public holidays of</source>
        <translation>法定节假日所属地区</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>A country code (CN, US, GB) or country-region (DE-BY). auto: this computer&apos;s country ({region}); empty: no public holidays.</source>
        <translation>国家代码（CN、US、GB）或国家-地区代码（DE-BY）。auto：本机所在国家（{region}）；留空：不计法定节假日。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra closure days</source>
        <translation>其他停诊日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD, YYYY-MM-DD ...</source>
        <translation>YYYY-MM-DD, YYYY-MM-DD ...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+57"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>{language} (translation not available yet)</source>
        <translation>{language}（翻译暂不可用）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The {language} translation is not installed; the program is shown in English.</source>
        <translation>未安装{language}翻译；程序以英文显示。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New plans</source>
        <translation>新计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BSA formula:</source>
        <translation>体表面积公式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round doses to (mg):</source>
        <translation>剂量取整至 (mg)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recalculate when weight changes by (%):</source>
        <translation>体重变化达此值时重新计算 (%)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA cap (m²):</source>
        <translation>体表面积上限 (m²)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance cycles to plan ahead:</source>
        <translation>预先计划的维持治疗周期数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These apply to patients added from now on; existing plans keep their settings.</source>
        <translation>这些设置适用于此后添加的患者；现有计划保留其原有设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dose double check</source>
        <translation>剂量双人核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tolerance (%):</source>
        <translation>容差 (%)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm a weight change over (%):</source>
        <translation>体重变化超过此值时需确认 (%)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after (minutes without use):</source>
        <translation>锁定时间（无操作分钟数）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printouts</source>
        <translation>打印设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Institution:</source>
        <translation>医院/科室：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ward phone:</source>
        <translation>病房电话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency phone:</source>
        <translation>急诊电话：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper size:</source>
        <translation>纸张大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinic days (blood tests and infusions)</source>
        <translation>门诊日（抽血化验和输注）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closed on:</source>
        <translation>停诊日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public holidays of:</source>
        <translation>法定节假日所属地区：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra closure days:</source>
        <translation>其他停诊日：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>BSA cap: enter m² from {low} to {high} (for example 2.0), or leave it empty for no cap.</source>
        <translation>体表面积上限：请输入 {low} 至 {high} m²（例如 2.0），留空则不设上限。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verification tolerance: enter a percentage from 0 to 20 (5 by default).</source>
        <translation>核对容差：请输入 0 至 20 的百分比（默认 5）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight change to confirm: enter a percentage from 1 to 100 (20 by default).</source>
        <translation>需确认的体重变化：请输入 1 至 100 的百分比（默认 20）。</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../planner/gui/views/preview.py" line="+74"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycles</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose check</source>
        <translation>剂量核对</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/print_preview.py" line="+46"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Document to print</source>
        <translation>要打印的文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient calendar (to take home)</source>
        <translation>患者日历（带回家）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose sheet (for the nurses)</source>
        <translation>剂量单（护士用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pages as they will print</source>
        <translation>打印效果预览</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Document:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Preparing the pages...</source>
        <translation>正在准备页面...</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The document could not be prepared: {reason}</source>
        <translation>无法准备文档：{reason}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Print {document}</source>
        <translation>打印{document}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../planner/gui/pdf_pages.py" line="+109"/>
        <source>The printer {printer} could not be opened. Check that it is switched on and connected, or choose another printer.</source>
        <translation>无法打开打印机 {printer}。请检查打印机是否已开启并连接，或选择其他打印机。</translation>
    </message>
</context>
<context>
    <name>Regimen</name>
    <message>
        <location filename="../../planner/core/regimen.py" line="+107"/>
        <source>Dose level: {drug} has the levels {levels} {unit} (or -1, -2 for one or two levels down); &apos;{text}&apos; is not one of them.</source>
        <translation>剂量水平：{drug}的剂量水平为 {levels} {unit}（或用 -1、-2 表示下调一级或两级）；“{text}”不在其中。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Drug: &apos;{drug}&apos; is not part of the regimen {regimen}; it has {drugs}.</source>
        <translation>药物：“{drug}”不属于 {regimen} 方案；该方案包括 {drugs}。</translation>
    </message>
    <message>
        <location line="+243"/>
        <source>Regimen: &apos;{id}&apos; is not known; choose one of {choices}.</source>
        <translation>治疗方案：无法识别“{id}”；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <location filename="../../planner/core/regimen_texts.py" line="+16"/>
        <source>Anlotinib + epirubicin</source>
        <translation>安罗替尼 + 表柔比星</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-line advanced soft tissue sarcoma</source>
        <translation>晚期软组织肉瘤一线治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALTN-III-04 (NCT05121350), ASCO 2025; approved in China 2025</source>
        <translation>ALTN-III-04 (NCT05121350)，ASCO 2025；2025年在中国获批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anlotinib</source>
        <translation>安罗替尼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oral</source>
        <translation>口服</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Once daily before breakfast</source>
        <translation>每日一次，早餐前口服</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If you forget a capsule, take it as soon as you remember. If the next capsule is due in less than 12 hours, skip the forgotten one and take the next capsule at the usual time. Never take two capsules to make up for a missed one</source>
        <translation>如果忘记吃药，想起来后尽快补吃。如果离下一次吃药不到 12 小时，就不要补吃了，到平时的时间吃下一次即可。千万不要一次吃两粒来补上漏服的那一粒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If you vomit after taking a capsule, do not take another capsule; take the next one at the usual time</source>
        <translation>如果吃药后呕吐，不要再补吃一粒；下一次按平时的时间吃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epirubicin hydrochloride</source>
        <translation>盐酸表柔比星</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IV</source>
        <translation>静脉输注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IV infusion on day 1</source>
        <translation>静脉输注，第1天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0.9% sodium chloride or 5% glucose, freely flowing infusion</source>
        <translation>0.9% 氯化钠注射液或 5% 葡萄糖注射液，保持输液通畅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3-20 minutes into the side arm of the running infusion</source>
        <translation>3-20 分钟，经通畅输液的侧管注入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the line flows freely and watch the site. If extravasation is suspected, stop the infusion, aspirate what you can, leave the cannula out, cool and elevate the limb, and call the doctor: dexrazoxane within 6 hours</source>
        <translation>确认输液管路通畅并观察穿刺部位。如怀疑外渗：立即停止输注，尽量回抽药液，拔除留置针，冷敷并抬高患肢，通知医生：6 小时内使用右雷佐生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epirubicin</source>
        <translation>表柔比星</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combination</source>
        <translation>联合治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>维持治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft tissue sarcoma after prior chemotherapy</source>
        <translation>既往化疗后的软组织肉瘤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anlotinib label (China)</source>
        <translation>安罗替尼说明书（中国）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced soft tissue sarcoma</source>
        <translation>晚期软组织肉瘤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALTN-III-04 (NCT05121350) control arm</source>
        <translation>ALTN-III-04 (NCT05121350) 对照组</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../planner/core/text_report.py" line="+15"/>
        <source>Regimen: {name} ({id})</source>
        <translation>治疗方案：{name}（{id}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSA: {explain}</source>
        <translation>体表面积：{explain}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounding step {step} mg; recalculate at a weight change of {pct}% or more</source>
        <translation>取整步长 {step} mg；体重变化 {pct}% 或以上时重新计算</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day 1</source>
        <translation>第1天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BSA</source>
        <translation>体表面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doses</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{drug} held</source>
        <translation>{drug}暂停</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cumulative {drug} {amount} mg/m²</source>
        <translation>{drug}累积剂量 {amount} mg/m²</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cycle {n} warning [{code}]: {message}</source>
        <translation>第{n}周期警示 [{code}]：{message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cycle {n}: {note}</source>
        <translation>第{n}周期：{note}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../planner/core/roles.py" line="+33"/>
        <source>Role: &apos;{text}&apos; is not a role; use nurse, pharmacist, prescriber or admin.</source>
        <translation>角色：“{text}”不是有效角色；请使用 nurse、pharmacist、prescriber 或 admin。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Role: a {role} may not do this ({action}); only {roles}.</source>
        <translation>角色：{role} 无权执行此操作（{action}）；仅限 {roles}。</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../planner/core/rules.py" line="+66"/>
        <source>{label}: the value is out of range.</source>
        <translation>{label}：数值超出范围。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>{label}: &apos;{text}&apos; is not a number.</source>
        <translation>{label}：“{text}”不是数字。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{label} is missing; enter a number.</source>
        <translation>缺少{label}；请输入数字。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{label}: &apos;{text}&apos; is not a plausible number.</source>
        <translation>{label}：“{text}”不是合理的数值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>{label}: &apos;{text}&apos; is not a whole number.</source>
        <translation>{label}：“{text}”不是整数。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>BSA cap: enter {low} to {high} m² (for example 2.0).</source>
        <translation>体表面积上限：请输入 {low} 至 {high} m²（例如 2.0）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rounding step: enter {low} to {high} mg in steps of 0.1 mg (for example 1 or 5).</source>
        <translation>取整步长：请输入 {low} 至 {high} mg，以 0.1 mg 为单位（例如 1 或 5）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Prior anthracycline: the amount for {drug} must be 0 to {max} mg/m².</source>
        <translation>既往蒽环类：{drug}用量必须为 0 至 {max} mg/m²。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recalculation threshold: enter a percentage from {low} to {high} (0 means always recalculate).</source>
        <translation>重新计算阈值：请输入 {low} 至 {high} 的百分比（0 表示始终重新计算）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Maintenance cycles: enter a whole number from {low} to {high}.</source>
        <translation>维持治疗周期数：请输入 {low} 至 {high} 的整数。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delay: enter {low} to {high} days, not {days}.</source>
        <translation>延迟：请输入 {low} 至 {high} 天，不能是 {days}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{label}: {date} is not possible; it must be between {first} and {last}.</source>
        <translation>{label}：{date} 无效；必须在 {first} 至 {last} 之间。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Date of birth: {dob} is not possible; it must be between {first} and today.</source>
        <translation>出生日期：{dob} 无效；必须在 {first} 至今天之间。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{label}: {date} is before the date of birth ({dob}).</source>
        <translation>{label}：{date} 早于出生日期（{dob}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start: the plan must start between {first} and {last}.</source>
        <translation>开始日期：计划必须在 {first} 至 {last} 之间开始。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start: this plan would end on {end}; every plan must end by {last}. Choose an earlier start.</source>
        <translation>开始日期：该计划将于 {end} 结束；所有计划必须在 {last} 前结束。请选择更早的开始日期。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start: the plan would run past the end of the calendar; every plan must end by {last}.</source>
        <translation>开始日期：该计划将超出日历范围；所有计划必须在 {last} 前结束。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>a line break</source>
        <translation>换行符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an invisible formatting character (U+{code:04X})</source>
        <translation>不可见的格式字符（U+{code:04X}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a control character (U+{code:04X})</source>
        <translation>控制字符（U+{code:04X}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an unusual character (U+{code:04X})</source>
        <translation>异常字符（U+{code:04X}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label}: required; enter it.</source>
        <translation>{label}：必填，请填写。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label}: at most {n} characters.</source>
        <translation>{label}：最多 {n} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label}: contains {problem}; use letters, digits, spaces and ordinary punctuation.</source>
        <translation>{label}：含有{problem}；请使用文字、数字、空格和常用标点。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>MRN: enter the medical record number.</source>
        <translation>病历号：请填写病历号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MRN: up to {n} letters A-Z and digits, optionally with - _ . / (no spaces).</source>
        <translation>病历号：最多 {n} 个字母 A-Z 和数字，可含 - _ . /（不含空格）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name: enter the patient&apos;s name.</source>
        <translation>姓名：请填写患者姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>First checker</source>
        <translation>第一核对人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second checker</source>
        <translation>第二核对人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second checker: a double check needs two different people.</source>
        <translation>第二核对人：双人核对需要两个不同的人。</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../planner/core/safety.py" line="+41"/>
        <source>Prior anthracycline: &apos;{drug}&apos; is not known; use one of {choices}.</source>
        <translation>既往蒽环类：无法识别“{drug}”；请使用 {choices} 之一。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Checked dose: enter the dose on the order or bag in mg, more than 0.</source>
        <translation>核对剂量：请以 mg 为单位填写医嘱或输液袋上的剂量，须大于 0。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verification tolerance: enter a percentage from 0 to 20 (5 by default).</source>
        <translation>核对容差：请输入 0 至 20 的百分比（默认 5）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked dose</source>
        <translation>核对剂量</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../planner/gui/settings.py" line="+237"/>
        <source>Extra closure days</source>
        <translation>其他停诊日</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/sign_in_dialog.py" line="-89"/>
        <source>Sign in to Cycle Planner</source>
        <translation>登录 Cycle Planner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in with your user name and password.</source>
        <translation>请用您的用户名和密码登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>StaleRecordDialog</name>
    <message>
        <location filename="../../planner/gui/stale.py" line="+53"/>
        <source>Not saved: changed on another workstation</source>
        <translation>未保存：已在另一台工作站上被修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user} saved a change to {patient} at {time}, after this window showed the record.
Your change was not saved: {what}.</source>
        <translation>{user} 于 {time} 保存了对 {patient} 的更改，晚于本窗口显示该记录的时间。
您的更改未保存：{what}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>… and {n} more (History tab)</source>
        <translation>… 另有 {n} 项（见“历史记录”标签页）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their change:</source>
        <translation>对方的更改：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload the patient to see it. Then either apply your change to the updated record, or only reload and decide again.</source>
        <translation>重新加载该患者即可查看。然后可将您的更改应用到更新后的记录，或仅重新加载后再做决定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload and apply my change</source>
        <translation>重新加载并应用我的更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload only</source>
        <translation>仅重新加载</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{user} changed this patient at {time} on another workstation, so the undo was not done. The patient was reloaded with their change; the undo history was cleared, as it no longer applies.</source>
        <translation>{user} 于 {time} 在另一台工作站上修改了该患者，因此未执行撤销。已重新加载该患者及其更改；撤销历史已不再适用，已清除。</translation>
    </message>
</context>
<context>
    <name>StopDrugDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/cycle_actions.py" line="+6"/>
        <source>Stop a drug from cycle {n}</source>
        <translation>自第{n}周期起停药</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From cycle day</source>
        <translation>自周期第几天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drug:</source>
        <translation>药物：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From day:</source>
        <translation>自第几天：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{drug} is stopped for good from cycle {n} day {d} ({date}); {count} cycles remain planned.</source>
        <translation>{drug}自第{n}周期第{d}天（{date}）起永久停药；仍计划 {count} 个周期。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../planner/store/validate.py" line="+33"/>
        <source>Calendar language: &apos;{code}&apos; is not known; choose one of {choices}.</source>
        <translation>日历语言：无法识别“{code}”；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <location filename="../../planner/store/engine.py" line="+52"/>
        <source>Database: &apos;{url}&apos; is not a database URL.</source>
        <translation>数据库：“{url}”不是数据库 URL。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Database: cannot create the folder {path} ({reason}).</source>
        <translation>数据库：无法创建文件夹 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database: cannot create {path} ({reason}).</source>
        <translation>数据库：无法创建 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{field}: contains a NUL character (\0), which cannot be stored; remove it.</source>
        <translation>{field}：含有无法保存的 NUL 字符（\0）；请删除。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Database: cannot use {url} ({reason}).</source>
        <translation>数据库：无法使用 {url}（{reason}）。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The database {location} has patient tables but no schema version; it was not made by Cycle Planner and was left untouched.</source>
        <translation>数据库 {location} 含有患者表但没有结构版本号；它不是由化疗周期计划创建的，未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../planner/store/errors.py" line="+17"/>
        <source>No patient with MRN {mrn}.</source>
        <translation>没有病历号为 {mrn} 的患者。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A patient with MRN {mrn} already exists ({name}).</source>
        <translation>病历号为 {mrn} 的患者已存在（{name}）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The record of patient {mrn} was changed by {user} at {time} since you opened it; reopen it and redo your change.</source>
        <translation>患者 {mrn} 的记录在您打开后已被 {user} 于 {time} 修改；请重新打开并重新进行更改。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database {location} was made by a newer version of Cycle Planner (schema {revision}); it was left untouched. Install the newer version to open it.</source>
        <translation>数据库 {location} 由更新版本的化疗周期计划创建（结构版本 {revision}）；未作任何改动。请安装新版本后再打开。</translation>
    </message>
    <message>
        <location filename="../../planner/store/health.py" line="+23"/>
        <source>Integrity check: {problem}</source>
        <translation>完整性检查：{problem}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} rows refer to records that do not exist.</source>
        <translation>有 {n} 行引用了不存在的记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Journal mode is {mode}, expected wal.</source>
        <translation>日志模式为 {mode}，应为 wal。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} patients have an out-of-date list summary.</source>
        <translation>有 {n} 位患者的列表摘要已过期。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The audit log is not protected: its trigger {name} is missing or disabled; entries could be changed or deleted.</source>
        <translation>审计日志未受保护：其触发器 {name} 缺失或已禁用；日志条目可能被修改或删除。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Live refresh is slowed: the audit log&apos;s trigger {name} is missing or disabled, so other workstations see a change only at their next check (within {seconds} s) instead of at once.</source>
        <translation>实时刷新变慢：审计日志的触发器 {name} 缺失或已禁用，其他工作站要到下次检查时（{seconds} 秒内）才能看到更改，而不是立即看到。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database role {role} is a superuser: it can switch off the audit log&apos;s protection. Connect as an ordinary role that owns the tables.</source>
        <translation>数据库角色 {role} 是超级用户：可关闭审计日志的保护。请以拥有这些表的普通角色连接。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database role {role} may {privileges} the audit log; revoke it (REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}).</source>
        <translation>数据库角色 {role} 对审计日志有 {privileges} 权限；请撤销（REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+14"/>
        <location line="+26"/>
        <source>The database cannot be read: {reason}</source>
        <translation>无法读取数据库：{reason}</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The database does not answer.</source>
        <translation>数据库无响应。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Schema version is {current}, this program expects {head}.</source>
        <translation>结构版本为 {current}，本程序需要 {head}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{file} is readable by other users; it should be 0600.</source>
        <translation>{file} 可被其他用户读取；权限应为 0600。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database cannot be reached: {reason}</source>
        <translation>无法连接数据库：{reason}</translation>
    </message>
    <message>
        <location filename="../../planner/store/jsonread.py" line="+31"/>
        <source>must be {what}</source>
        <translation>必须是{what}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <location line="+28"/>
        <location line="+17"/>
        <location line="+28"/>
        <location line="+20"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has more than {n} entries</source>
        <translation>超过 {n} 项</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than {n} characters</source>
        <translation>超过 {n} 个字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains {problem}</source>
        <translation>含有{problem}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from {low} to {high}</source>
        <translation>{low} 至 {high}</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+6"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a number with at most {n} decimals</source>
        <translation>最多 {n} 位小数的数字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>at most {high}</source>
        <translation>不超过 {high}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a date written YYYY-MM-DD</source>
        <translation>YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} does not exist in the calendar</source>
        <translation>日历中不存在 {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a date from {first} to {last}</source>
        <translation>{first} 至 {last} 之间的日期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a date and time with its time zone, e.g. 2026-01-05T09:30:00+00:00</source>
        <translation>带时区的日期时间，例如 2026-01-05T09:30:00+00:00</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the file is larger than 10 MB; it is not a plan file</source>
        <translation>文件大于 10 MB；不是计划文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is not UTF-8 text; it is not a plan file</source>
        <translation>文件不是 UTF-8 文本；不是计划文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file is not valid JSON ({reason})</source>
        <translation>文件不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <location filename="../../planner/store/planfile.py" line="+185"/>
        <source>cannot write {path} ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a withdrawn patient needs the reason</source>
        <translation>退出治疗的患者需要填写原因</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>needs at least the baseline measurement</source>
        <translation>至少需要基线测量值</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the baseline measurement cannot come from a weight change</source>
        <translation>基线测量值不能来自体重变化</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&apos;{drug}&apos; is not a known anthracycline</source>
        <translation>“{drug}”不是已知的蒽环类药物</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+192"/>
        <source>one of {kinds}</source>
        <translation>{kinds} 之一</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+37"/>
        <source>&apos;{drug}&apos; is not a drug of this regimen</source>
        <translation>“{drug}”不是本方案的药物</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>{value} does not match the calculated and checked doses ({expected})</source>
        <translation>{value} 与计算剂量和核对剂量不符（{expected}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>does not match the deviation and tolerance</source>
        <translation>与偏差和容差不符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a different person from the first</source>
        <translation>必须与第一核对人不是同一人</translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../planner/store/record_rules.py" line="+75"/>
        <source>Given on</source>
        <translation>给药日期</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the plan has {n} cycles</source>
        <translation>该计划共有 {n} 个周期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>only an accepted assessment creates modifications</source>
        <translation>只有已接受的评估才会产生调整</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>must be &quot;{format}&quot;; this is not a Cycle Planner plan file</source>
        <translation>必须是“{format}”；这不是化疗周期计划的计划文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version {version} is not supported; this program reads version {supported}</source>
        <translation>不支持版本 {version}；本程序读取版本 {supported}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be the index of a weight change in &quot;modifications&quot;</source>
        <translation>必须是“modifications”中某次体重变化的序号</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot read {path} ({reason})</source>
        <translation>无法读取 {path}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../planner/store/store.py" line="+98"/>
        <source>Database {location} cannot be opened ({reason}).</source>
        <translation>无法打开数据库 {location}（{reason}）。</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../planner/store/repository.py" line="+380"/>
        <source>The database could not be used ({reason}); nothing was saved. Try again.</source>
        <translation>无法使用数据库（{reason}）；未保存任何内容。请重试。</translation>
    </message>
    <message>
        <location filename="../../planner/operations/patients.py" line="+63"/>
        <source>Measured on: enter the date of the measurement.</source>
        <translation>测量日期：请填写测量日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/operations/plan_changes.py" line="+61"/>
        <location filename="../../planner/store/planfile.py" line="-357"/>
        <location line="+124"/>
        <source>Measured on</source>
        <translation>测量日期</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Prescriber</source>
        <translation>处方医生</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>This patient is already withdrawn.</source>
        <translation>该患者已退出治疗。</translation>
    </message>
    <message>
        <location filename="../../planner/operations/plan_changes.py" line="-11"/>
        <source>New weight measured.</source>
        <translation>已测量新体重。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Modification {id} is not in this patient&apos;s record.</source>
        <translation>该患者记录中没有方案调整 {id}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modification {id} is already withdrawn.</source>
        <translation>方案调整 {id} 已撤回。</translation>
    </message>
    <message>
        <location filename="../../planner/operations/administrations.py" line="-38"/>
        <source>Calculated dose</source>
        <translation>计算剂量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verification tolerance: enter a percentage from 0 to 20 (5 by default).</source>
        <translation>核对容差：请输入 0 至 20 的百分比（默认 5）。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Dose given</source>
        <translation>已给剂量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../planner/store/record_rules.py" line="-10"/>
        <source>Day: cycle {cycle} has days 1 to {n}.</source>
        <translation>天：第{cycle}周期包括第 1 至 {n} 天。</translation>
    </message>
    <message>
        <location filename="../../planner/operations/administrations.py" line="+35"/>
        <source>Administration {id} is not in this patient&apos;s record.</source>
        <translation>该患者记录中没有给药记录 {id}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administration {id} is already withdrawn.</source>
        <translation>给药记录 {id} 已撤回。</translation>
    </message>
    <message>
        <location filename="../../planner/store/record_rules.py" line="-37"/>
        <source>{label}: the date must be between {first} and {last}.</source>
        <translation>{label}：日期必须在 {first} 至 {last} 之间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label}: {value} is before the date of birth ({dob}).</source>
        <translation>{label}：{value} 早于出生日期（{dob}）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Drug: {drug} is not part of cycle {cycle}.</source>
        <translation>药物：{drug}不属于第{cycle}周期。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Given on: {date} is not within cycle {cycle} ({first} to {last}).</source>
        <translation>给药日期：{date} 不在第{cycle}周期内（{first} 至 {last}）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Day: the plan gives no {drug} on day {day} of cycle {cycle}.</source>
        <translation>天：计划在第{cycle}周期第{day}天不给予{drug}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dose given: the plan&apos;s dose of {drug} in cycle {cycle} is {plan} mg, not {dose} mg.</source>
        <translation>已给剂量：计划中第{cycle}周期{drug}的剂量为 {plan} mg，而不是 {dose} mg。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Drug: the plan gives no {drug} in cycle {cycle}; there is no dose to check.</source>
        <translation>药物：计划在第{cycle}周期不给予{drug}；没有可核对的剂量。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calculated dose: the plan now calculates {plan} mg of {drug} for cycle {cycle}, not {calculated} mg (the plan changed); check the current dose again. Nothing was saved.</source>
        <translation>计算剂量：计划现为第{cycle}周期计算{drug} {plan} mg，而不是 {calculated} mg（计划已更改）；请重新核对当前剂量。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../planner/store/validate.py" line="-3"/>
        <source>Sex: F, M or X (or leave it empty).</source>
        <translation>性别：F、M 或 X（或留空）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: say why (it goes into the record).</source>
        <translation>原因：请说明原因（将记入记录）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{label}: enter who it was (at most {n} characters).</source>
        <translation>{label}：请填写人员（最多 {n} 个字符）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{label}: must be a number above 0.</source>
        <translation>{label}：必须是大于 0 的数字。</translation>
    </message>
    <message>
        <location filename="../../planner/store/given_guard.py" line="+35"/>
        <source>Patient {mrn} is withdrawn ({reason}); nothing was saved.</source>
        <translation>患者 {mrn} 已退出治疗（{reason}）；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no reason recorded</source>
        <translation>未记录原因</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{drug} on day {day} of cycle {cycle}, {given_on}</source>
        <translation>第{cycle}周期第{day}天的{drug}，{given_on}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold or stop only days not recorded as given</source>
        <translation>只暂停或停用未记录为已给药的天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the change from cycle {next} on</source>
        <translation>自第{next}周期起进行更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cycle {cycle}: this change would rewrite a dose already recorded as given ({given}). {advice}, or withdraw the given record first if it was recorded in error; nothing was saved.</source>
        <translation>第{cycle}周期：此更改将改写已记录为已给药的剂量（{given}）。{advice}；如为误记，请先撤回该给药记录；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../planner/operations/assessments.py" line="+43"/>
        <source>Assessment {id} is not in this patient&apos;s record.</source>
        <translation>评估 {id} 不在该患者的记录中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment {id} is already withdrawn.</source>
        <translation>评估 {id} 已被撤回。</translation>
    </message>
    <message>
        <location filename="../../planner/store/chain.py" line="+187"/>
        <source>The audit log entry {id} has no hash: it was not written by Cycle Planner.</source>
        <translation>审计日志条目 {id} 没有哈希值：它不是由 Cycle Planner 写入的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log is broken at entry {id}: it does not match its hash; it was changed, or an entry before it was removed, inserted or reordered.</source>
        <translation>审计日志在条目 {id} 处断裂：该条目与其哈希值不符；它已被修改，或其之前的条目被删除、插入或调换了顺序。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Patient {mrn} has no entry in the audit log: the record was written outside Cycle Planner.</source>
        <translation>患者 {mrn} 在审计日志中没有条目：该记录是在 Cycle Planner 之外写入的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient {mrn}: the stored record does not match its last entry in the audit log ({id}); it was changed outside Cycle Planner.</source>
        <translation>患者 {mrn}：存储的记录与其在审计日志中的最后一条条目（{id}）不符；它在 Cycle Planner 之外被修改过。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>({n} more patients do not match.)</source>
        <translation>（另有 {n} 位患者不符。）</translation>
    </message>
</context>
<context>
    <name>Treatment</name>
    <message>
        <location filename="../../planner/core/modifications.py" line="+99"/>
        <source>progression</source>
        <translation>疾病进展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>toxicity</source>
        <translation>毒性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>patient&apos;s choice</source>
        <translation>患者意愿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../planner/operations/treatment.py" line="+30"/>
        <source>Reason for ending: &apos;{code}&apos; is not one of {codes}.</source>
        <translation>结束原因：“{code}”不在 {codes} 之中。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Note: enter plain text of at most {n} characters.</source>
        <translation>备注：请输入不超过 {n} 个字符的纯文本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ended on: {date} is in the future; end the treatment on the day it ends.</source>
        <translation>结束日期：{date} 是将来的日期；请在治疗实际结束当天再结束治疗。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The treatment is already ended ({date}); withdraw that entry first to change it.</source>
        <translation>治疗已结束（{date}）；如需更改，请先撤回该条目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ended on: {date} is before cycle 1 ({start}); withdraw the patient instead.</source>
        <translation>结束日期：{date} 早于第1周期（{start}）；请改为将患者退出治疗。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Treatment ended: {reason}</source>
        <translation>治疗已结束：{reason}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../planner/core/units.py" line="+44"/>
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>enter {low}-{high} {unit} (for example {examples})</source>
        <translation>请输入 {low}-{high} {unit}（例如 {examples}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label}: not a number; {accepted}.</source>
        <translation>{label}：不是数字；{accepted}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{label} is missing; {accepted}.</source>
        <translation>缺少{label}；{accepted}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <location line="+3"/>
        <source>{label}: &apos;{text}&apos; is not a number; {accepted}.</source>
        <translation>{label}：“{text}”不是数字；{accepted}。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>{label}: unknown unit &apos;{unit}&apos;; {accepted}.</source>
        <translation>{label}：无法识别的单位“{unit}”；{accepted}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{label} must be more than 0; {accepted}.</source>
        <translation>{label}必须大于 0；{accepted}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label}: {text} is not a plausible adult value; {accepted}.</source>
        <translation>{label}：{text} 不是合理的成人数值；{accepted}。</translation>
    </message>
</context>
<context>
    <name>WeightDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/cycle_actions.py" line="+13"/>
        <source>Record weight before cycle {n}</source>
        <translation>记录第{n}周期前体重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weight unit</source>
        <translation>体重单位</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+51"/>
        <source>Measured on</source>
        <translation>测量日期</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weight:</source>
        <translation>体重：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured on:</source>
        <translation>测量日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doses now based on:</source>
        <translation>剂量现依据：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{w} kg (threshold {t}%)</source>
        <translation>{w} kg（阈值 {t}%）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{new} kg is {pct}% {way} than the last recorded weight, {old} kg (more than {limit}%).

Re-weigh the patient and check it is the right patient. Save {new} kg?</source>
        <translation>{new} kg 较上次记录的体重 {old} kg {way} {pct}%（超过 {limit}%）。

请给患者重新称重，并核实患者身份。保存 {new} kg？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>more</source>
        <translation>增加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>less</source>
        <translation>减少</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unusual weight change</source>
        <translation>体重变化异常</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Doses unchanged.</source>
        <translation>剂量不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drug}: {old} -&gt; {new} mg ({calc})</source>
        <translation>{drug}：{old} -&gt; {new} mg（{calc}）</translation>
    </message>
</context>
<context>
    <name>WithdrawChangeDialog</name>
    <message>
        <location filename="../../planner/gui/dialogs/simple_dialogs.py" line="-115"/>
        <source>Withdraw this change</source>
        <translation>撤回此更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw &quot;{what}&quot;?
It stays on record, marked withdrawn with your reason, and no longer counts. Edit &gt; Undo (Ctrl+Z) puts it back.</source>
        <translation>撤回“{what}”？
该记录仍保留，标记为已撤回并附上您的原因，不再计入。编辑 &gt; 撤销 (Ctrl+Z) 可恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. entered for the wrong cycle</source>
        <translation>例如：录入到了错误的周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location line="-44"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>WithdrawPatientDialog</name>
    <message>
        <location line="+16"/>
        <source>Withdraw patient</source>
        <translation>患者退出治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw {patient} from active treatment?
The record and its history are kept; the patient no longer appears in the active list.</source>
        <translation>将 {patient} 退出在治名单？
记录及其历史将保留；该患者不再出现在在治列表中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. disease progression; patient&apos;s choice</source>
        <translation>例如：疾病进展；患者意愿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>退出治疗</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <location filename="../../planner/gui/export_actions.py" line="+13"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../planner/gui/intensity.py" line="+40"/>
        <source>The dose intensity could not be computed.</source>
        <translation>无法计算剂量强度。</translation>
    </message>
</context>
</TS>
