<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionForm</name>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Originals: %1</source>
        <translation>原件份数：%1</translation>
    </message>
    <message>
        <source>Copies: %1</source>
        <translation>复印件份数：%1</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Administration tasks</source>
        <translation>管理事项</translation>
    </message>
    <message>
        <source>Only the office&apos;s administrator manages this counter.</source>
        <translation>本窗口由本单位管理员管理。</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>数据保留</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>What is left to set up</source>
        <translation>尚待完成的设置</translation>
    </message>
    <message>
        <source>Add the accounts of the counter staff.</source>
        <translation>添加窗口工作人员的账号。</translation>
    </message>
    <message>
        <source>Enter the office&apos;s name and contact printed on notices.</source>
        <translation>填写打印在告知书上的单位名称和联系方式。</translation>
    </message>
    <message>
        <source>Enroll this counter with the government service platform.</source>
        <translation>将本窗口注册到政务服务平台。</translation>
    </message>
    <message>
        <source>Choose the backup folder (a USB stick or a network folder, not this disk).</source>
        <translation>选择备份文件夹（U 盘或网络文件夹，不要选本机硬盘）。</translation>
    </message>
    <message>
        <source>Move the data key into the OS keyring.</source>
        <translation>将数据密钥移入系统密钥环。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Counter Government Service Desk</source>
        <translation>Counter 政务服务柜台</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Cannot open the office&apos;s data</source>
        <translation>无法打开本单位的数据</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>备份未恢复</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <source>Search applicants</source>
        <translation>查找申请人</translation>
    </message>
    <message>
        <source>ID number, name, pinyin initials (zs for 张三) or mobile number</source>
        <translation>身份证号、姓名、拼音首字母（如 zs 查张三）或手机号</translation>
    </message>
    <message>
        <source>Applicants found</source>
        <translation>查找到的申请人</translation>
    </message>
    <message>
        <source>Search message</source>
        <translation>查找提示</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <source>&amp;Register new applicant</source>
        <translation>登记新申请人(&amp;R)</translation>
    </message>
    <message>
        <source>Register new applicant</source>
        <translation>登记新申请人</translation>
    </message>
    <message>
        <source>&amp;Find the applicant:</source>
        <translation>查找申请人(&amp;F)：</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Read the ID card (this works anywhere on the intake screen), or type an ID number, a name, its pinyin initials or a mobile number. Down arrow: into the list. Enter: take the applicant.</source>
        <translation>刷身份证（在受理界面任意位置均可），或输入身份证号、姓名、姓名拼音首字母、手机号。下方向键：进入列表；回车：选定申请人。</translation>
    </message>
    <message>
        <source>Find the applicant first, or register a new one (Alt+R).</source>
        <translation>请先查找申请人，或登记新申请人（Alt+R）。</translation>
    </message>
    <message>
        <source>“%1” is not a valid ID number.</source>
        <translation>“%1”不是有效的证件号码。</translation>
    </message>
    <message>
        <source>No applicant has this number yet: register them.</source>
        <translation>尚无此证件号码的申请人，请登记。</translation>
    </message>
    <message>
        <source>Found by ID number.</source>
        <translation>已按证件号码找到。</translation>
    </message>
    <message>
        <source>Registered.</source>
        <translation>已登记。</translation>
    </message>
    <message numerus="yes">
        <source>%n applicant(s) found. Enter takes the highlighted one.</source>
        <translation>
            <numerusform>找到 %n 位申请人，回车选定高亮的一位。</numerusform>
        </translation>
    </message>
    <message>
        <source>No applicant found. Alt+R registers a new one.</source>
        <translation>未找到申请人。按 Alt+R 登记新申请人。</translation>
    </message>
</context>
<context>
    <name>ApplicantsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
</context>
<context>
    <name>ApplicantsView</name>
    <message>
        <source>Search applicants</source>
        <translation>查询申请人</translation>
    </message>
    <message>
        <source>Name, pinyin initials, ID number or mobile number</source>
        <translation>姓名、拼音首字母、证件号码或手机号码</translation>
    </message>
    <message>
        <source>Name, pinyin initials, ID number or mobile</source>
        <translation>姓名、拼音首字母、证件号码或手机号</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Applicants found</source>
        <translation>查询结果</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Show &amp;personal data</source>
        <translation>查看个人信息(&amp;P)</translation>
    </message>
    <message>
        <source>Show personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <source>Shows the full ID number, mobile and address; this is recorded</source>
        <translation>显示完整的证件号码、手机号码和住址；查看将被记录</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>The applicant&apos;s applications</source>
        <translation>申请人的办件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>办件：</translation>
    </message>
    <message>
        <source>No applicant found.</source>
        <translation>未找到申请人。</translation>
    </message>
    <message>
        <source>Search for an applicant, then choose one in the list.</source>
        <translation>请查询申请人，然后在列表中选择。</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>证件号码：%1</translation>
    </message>
    <message>
        <source>Mobile: %1</source>
        <translation>手机号码：%1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>住址：%1</translation>
    </message>
</context>
<context>
    <name>ApplicationFilters</name>
    <message>
        <source>Status filter</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Time limit running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Service filter</source>
        <translation>按事项筛选</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <source>Staff filter</source>
        <translation>按经办人筛选</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <source>Order of the list</source>
        <translation>列表排序</translation>
    </message>
    <message>
        <source>Intake period</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>自定义起止日期</translation>
    </message>
    <message>
        <source>Taken in from</source>
        <translation>收件起始日期</translation>
    </message>
    <message>
        <source>Taken in until</source>
        <translation>收件截止日期</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>只看逾期(&amp;O)</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>D&amp;ue soon only</source>
        <translation>只看临期(&amp;U)</translation>
    </message>
    <message>
        <source>Due soon only</source>
        <translation>只看临期</translation>
    </message>
    <message>
        <source>Due today or within the next 3 working days</source>
        <translation>今天到期或 3 个工作日内到期</translation>
    </message>
    <message>
        <source>Search applications</source>
        <translation>查询办件</translation>
    </message>
    <message>
        <source>Part of the receipt number or the applicant&apos;s name</source>
        <translation>受理编号的一部分或申请人姓名</translation>
    </message>
    <message>
        <source>Receipt number or applicant name</source>
        <translation>受理编号或申请人姓名</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Counts for the filters</source>
        <translation>筛选结果统计</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Servi&amp;ce:</source>
        <translation>事项(&amp;C)：</translation>
    </message>
    <message>
        <source>Sta&amp;ff:</source>
        <translation>经办人(&amp;F)：</translation>
    </message>
    <message>
        <source>Or&amp;der:</source>
        <translation>排序(&amp;D)：</translation>
    </message>
    <message>
        <source>Taken &amp;in:</source>
        <translation>收件时间(&amp;I)：</translation>
    </message>
    <message>
        <source>My cases (%1)</source>
        <translation>我的办件（%1）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Listed: %1 · overdue: %2 · due soon (by %3): %4</source>
        <translation>列出：%1 · 已超期：%2 · 即将到期（%3 前）：%4</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>%1: due on %2</source>
        <translation>%1：应于 %2 办结</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Applications</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Application details</source>
        <translation>办件详情</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>打印通知书…</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>打印通知书</translation>
    </message>
    <message>
        <source>Notice as PDF…</source>
        <translation>通知书另存为PDF…</translation>
    </message>
    <message>
        <source>Save notice as PDF</source>
        <translation>通知书另存为PDF</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Choose an application in the list.</source>
        <translation>请在列表中选择办件。</translation>
    </message>
    <message>
        <source>Receipt no.: %1</source>
        <translation>受理编号：%1</translation>
    </message>
    <message>
        <source>Applicant: %1 (%2)</source>
        <translation>申请人：%1（%2）</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Accepted on: %1</source>
        <translation>受理日期：%1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>承诺办结日期：%1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>时限：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) still to hand in.</source>
        <translation>
            <numerusform>尚有 %n 项材料待补交。</numerusform>
        </translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>办理结果：%1</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>Denied: %1</source>
        <translation>不予许可：%1</translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation>送达时间：%1</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>撤回理由：%1</translation>
    </message>
    <message>
        <source>The rating screen is open for another application: close it first.</source>
        <translation>评价界面正用于另一件办件，请先将其关闭。</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>AuditEventsModel</name>
    <message>
        <source>On this counter&apos;s clock: %1</source>
        <translation>本机时钟：%1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>%1 (command line)</source>
        <translation>%1（命令行）</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Refused: not allowed for the role</source>
        <translation>拒绝：角色无此权限</translation>
    </message>
    <message>
        <source>Office profile created</source>
        <translation>创建本单位数据档案</translation>
    </message>
    <message>
        <source>First administrator created</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <source>Staff account added</source>
        <translation>新增工作人员账号</translation>
    </message>
    <message>
        <source>Staff account locked</source>
        <translation>锁定工作人员账号</translation>
    </message>
    <message>
        <source>Staff account unlocked</source>
        <translation>解锁工作人员账号</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Staff account&apos;s name or role changed</source>
        <translation>修改了工作人员账号的姓名或角色</translation>
    </message>
    <message>
        <source>Password reset to a temporary one</source>
        <translation>密码已重置为临时密码</translation>
    </message>
    <message>
        <source>Applicant registered</source>
        <translation>登记申请人</translation>
    </message>
    <message>
        <source>Applicant&apos;s details changed</source>
        <translation>修改申请人信息</translation>
    </message>
    <message>
        <source>Applicant looked up (masked data)</source>
        <translation>查询申请人（脱敏信息）</translation>
    </message>
    <message>
        <source>Applicant&apos;s personal data shown</source>
        <translation>查看申请人个人信息</translation>
    </message>
    <message>
        <source>Application drafted</source>
        <translation>创建办件草稿</translation>
    </message>
    <message>
        <source>Application form changed</source>
        <translation>修改申请表</translation>
    </message>
    <message>
        <source>Materials recorded</source>
        <translation>登记材料</translation>
    </message>
    <message>
        <source>Scan added</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>Scan removed</source>
        <translation>删除扫描件</translation>
    </message>
    <message>
        <source>Scan opened</source>
        <translation>查看扫描件</translation>
    </message>
    <message>
        <source>Unused scan files removed</source>
        <translation>清理无用的扫描文件</translation>
    </message>
    <message>
        <source>Notice prepared (names the applicant)</source>
        <translation>生成告知书（含申请人信息）</translation>
    </message>
    <message>
        <source>Rating screen opened for the citizen</source>
        <translation>为群众打开评价界面</translation>
    </message>
    <message>
        <source>Rating screen closed without a rating</source>
        <translation>评价界面关闭，未评价</translation>
    </message>
    <message>
        <source>Rating recorded</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <source>Rectification task opened</source>
        <translation>生成整改任务</translation>
    </message>
    <message>
        <source>Rectification task closed</source>
        <translation>办结整改任务</translation>
    </message>
    <message>
        <source>Audit chain checked</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>创建备份</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Old automatic backups removed</source>
        <translation>删除了过期的自动备份</translation>
    </message>
    <message>
        <source>Restore of a backup asked for</source>
        <translation>申请恢复备份</translation>
    </message>
    <message>
        <source>Office settings changed</source>
        <translation>修改了单位设置</translation>
    </message>
    <message>
        <source>Applications exported to a file</source>
        <translation>将办件导出到文件</translation>
    </message>
    <message>
        <source>Full ID numbers exported</source>
        <translation>导出了完整证件号码</translation>
    </message>
    <message>
        <source>Data key moved to the OS keyring</source>
        <translation>数据密钥已移入系统密钥环</translation>
    </message>
    <message>
        <source>Personal data of closed cases removed</source>
        <translation>清除了已办结办件的个人信息</translation>
    </message>
    <message>
        <source>Service catalogue installed</source>
        <translation>安装事项目录</translation>
    </message>
    <message>
        <source>Counter enrolled with the platform</source>
        <translation>本机接入平台</translation>
    </message>
    <message>
        <source>Counter&apos;s platform access revoked</source>
        <translation>本机的平台接入被吊销</translation>
    </message>
    <message>
        <source>Sync run</source>
        <translation>执行同步</translation>
    </message>
    <message>
        <source>Changes received from the platform</source>
        <translation>接收平台的变更</translation>
    </message>
    <message>
        <source>Operations refused or in conflict at the platform</source>
        <translation>平台拒收或冲突的操作</translation>
    </message>
    <message>
        <source>Office data downloaded again</source>
        <translation>重新下载本单位数据</translation>
    </message>
    <message>
        <source>Sync conflict resolved</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <source>Rejected operation acknowledged</source>
        <translation>确认被拒收的操作</translation>
    </message>
    <message>
        <source>Sync conflict viewed</source>
        <translation>查看同步冲突</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>办件：%1</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Rectification task</source>
        <translation>整改任务</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Event no. %1 is missing (the next one present is no. %2).</source>
        <translation>第 %1 号事件缺失（其后现存的是第 %2 号）。</translation>
    </message>
    <message>
        <source>Event no. %1 does not follow on from event no. %2.</source>
        <translation>第 %1 号事件与第 %2 号事件衔接不上。</translation>
    </message>
    <message>
        <source>Event no. %1 was changed after it was written.</source>
        <translation>第 %1 号事件在写入后被修改过。</translation>
    </message>
    <message>
        <source>The trail ends at event no. %1, but no. %2 was recorded as its last event: events were removed from the end.</source>
        <translation>日志止于第 %1 号事件，但记录的最后一条是第 %2 号：末尾的事件已被删除。</translation>
    </message>
    <message>
        <source>Another problem: %1</source>
        <translation>其他问题：%1</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>C&amp;heck the chain</source>
        <translation>校验审计链(&amp;H)</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>Checks that no event of the trail was changed or removed</source>
        <translation>检查审计日志中是否有事件被修改或删除</translation>
    </message>
    <message>
        <source>Result of the chain check</source>
        <translation>审计链校验结果</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>审计事件</translation>
    </message>
    <message>
        <source>Events found</source>
        <translation>找到的事件</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Views of personal data</source>
        <translation>个人信息查看记录</translation>
    </message>
    <message>
        <source>How often each person viewed citizens&apos; personal data in the period: applicants&apos; details shown, scans opened, notices prepared. Double-click a person, or press Enter on them, to list their views.</source>
        <translation>所选期间内每位人员查看群众个人信息的次数：查看申请人信息、查看扫描件、生成告知书。双击某人或选中后按回车键，可列出其每次查看。</translation>
    </message>
    <message>
        <source>About the views of personal data</source>
        <translation>关于个人信息查看记录</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>Vie&amp;ws of personal data</source>
        <translation>个人信息查看记录(&amp;W)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>The audit trail records who did what and who viewed citizens&apos; personal data. Supervisors and administrators review it; your role does not include this.</source>
        <translation>审计日志记录谁做了什么、谁查看了群众的个人信息，由负责人和管理员查阅；您的角色不含此项工作。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 events found; the newest %2 are listed (scroll for more).</source>
        <translation>找到 %1 条事件；已列出最新的 %2 条（向下滚动查看更多）。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) found.</source>
        <translation>
            <numerusform>找到 %n 条事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n event(s) checked, none changed or removed.</source>
        <translation>
            <numerusform>审计链完整：已校验 %n 条事件，没有被修改或删除的。</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken: events were changed or removed outside Counter. Keep the data as it is and report it.</source>
        <translation>审计链已断开：有事件在本系统之外被修改或删除。请保持数据原样并上报。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>When, on this counter&apos;s clock</source>
        <translation>本机时钟时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Export the audit events as CSV</source>
        <translation>将审计事件导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>audit-trail.csv</source>
        <translation>审计日志.csv</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 条事件写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>The backup file was not found.</source>
        <translation>找不到该备份文件。</translation>
    </message>
    <message>
        <source>This file is not a Counter backup.</source>
        <translation>该文件不是本系统的备份。</translation>
    </message>
    <message>
        <source>This backup cannot be read: it is damaged or incomplete, or it was made with another data key. Nothing was changed.</source>
        <translation>无法读取该备份：文件已损坏或不完整，或由其他数据密钥生成。未做任何更改。</translation>
    </message>
    <message>
        <source>This backup belongs to another office profile, so it cannot be restored here. Nothing was changed.</source>
        <translation>该备份属于其他单位档案，不能在此恢复。未做任何更改。</translation>
    </message>
    <message>
        <source>The key this backup was made with is not on this computer (its OS keyring or key file). Nothing was changed.</source>
        <translation>本机（系统密钥环或密钥文件）中没有生成该备份所用的密钥。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Older, unencrypted</source>
        <translation>旧版（未加密）</translation>
    </message>
    <message>
        <source>Automatic (daily)</source>
        <translation>自动（每日）</translation>
    </message>
    <message>
        <source>Made on demand</source>
        <translation>手动</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>About backups</source>
        <translation>关于备份</translation>
    </message>
    <message>
        <source>Back up &amp;now to a folder…</source>
        <translation>立即备份到文件夹(&amp;N)…</translation>
    </message>
    <message>
        <source>Write an encrypted backup into a folder you choose, e.g. on a USB stick</source>
        <translation>将加密备份写入选定的文件夹，例如 U 盘</translation>
    </message>
    <message>
        <source>&amp;Restore from a file…</source>
        <translation>从文件恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose a backup file to restore</source>
        <translation>选择要恢复的备份文件</translation>
    </message>
    <message>
        <source>Restore the &amp;selected backup…</source>
        <translation>恢复选中的备份(&amp;S)…</translation>
    </message>
    <message>
        <source>Restore the backup selected in the list</source>
        <translation>恢复列表中选中的备份</translation>
    </message>
    <message>
        <source>Backup message</source>
        <translation>备份提示</translation>
    </message>
    <message>
        <source>Counter backs up this office&apos;s data automatically once a day to %1 and keeps those backups for %2 days. Backups are encrypted: they can be restored only on a computer that holds this office&apos;s data key.</source>
        <translation>系统每天自动将本单位数据备份到 %1，并保留 %2 天。备份已加密，只能在持有本单位数据密钥的电脑上恢复。</translation>
    </message>
    <message>
        <source>Choose the folder to write the backup in</source>
        <translation>选择备份写入的文件夹</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>正在备份到 %1…</translation>
    </message>
    <message>
        <source>Backup written to %1 (%2).</source>
        <translation>备份已写入 %1（%2）。</translation>
    </message>
    <message>
        <source>The backup was not made: %1</source>
        <translation>备份未完成：%1</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Counter backups (*.cbk *.zip)</source>
        <translation>本系统备份 (*.cbk *.zip)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>恢复此备份？</translation>
    </message>
    <message>
        <source>Restore the backup %1?

The office&apos;s current data is replaced by the data in the backup; the current data is kept as a copy in the backups folder. Work since the backup was made is no longer shown (what was sent to the platform comes back with the next sync), and personal data removed since then (Retention) is back. Counter closes the data and opens it again: everyone will have to log in again.</source>
        <translation>恢复备份 %1？

本单位当前的数据将被备份中的数据替换；当前数据会在备份文件夹中保留一份副本。备份之后办理的业务将不再显示（已上传到平台的内容会在下次同步时取回），备份之后清除的个人信息（数据保留）也会恢复。系统将关闭并重新打开数据，所有人需要重新登录。</translation>
    </message>
    <message>
        <source>Replace the data and restore</source>
        <translation>替换数据并恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>正在恢复 %1…</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Awaiting materials</source>
        <translation>待补正材料</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Accepted, minor materials pending</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accept, materials pending</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Supplement materials</source>
        <translation>补交材料</translation>
    </message>
    <message>
        <source>Start processing</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>中止（特别程序）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Deliver the result</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Record the rating</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected by the platform</source>
        <translation>平台拒收</translation>
    </message>
</context>
<context>
    <name>CatalogueView</name>
    <message>
        <source>Search the catalogue</source>
        <translation>查询事项</translation>
    </message>
    <message>
        <source>Part of the name, or its pinyin initials</source>
        <translation>事项名称的一部分或拼音首字母</translation>
    </message>
    <message>
        <source>Service name or pinyin initials, e.g. zdshbz</source>
        <translation>事项名称或拼音首字母，如 zdshbz</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>事项列表</translation>
    </message>
    <message>
        <source>Service item details</source>
        <translation>事项详情</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>表单字段</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Materials:</source>
        <translation>申请材料：</translation>
    </message>
    <message>
        <source>Form fields:</source>
        <translation>表单字段：</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>No service item matches.</source>
        <translation>没有匹配的事项。</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>不收费</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>事项类型：%1</translation>
    </message>
    <message>
        <source>Implemented by: %1</source>
        <translation>实施主体：%1</translation>
    </message>
    <message>
        <source>Legal time limit: %1; promised: %2</source>
        <translation>法定时限：%1；承诺时限：%2</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>收费：%1</translation>
    </message>
    <message>
        <source>Conditions: %1</source>
        <translation>受理条件：%1</translation>
    </message>
    <message>
        <source>Reading the catalogue…</source>
        <translation>正在读取事项目录…</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>The platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>⚠ In conflict</source>
        <translation>⚠ 冲突</translation>
    </message>
    <message>
        <source>≠ Differs</source>
        <translation>≠ 不同</translation>
    </message>
    <message>
        <source>Personal data: this reading is recorded in the audit trail.</source>
        <translation>个人信息：本次查看已记入审计日志。</translation>
    </message>
</context>
<context>
    <name>ConflictIndicator</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n 项被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes the platform did not take wait for a supervisor&apos;s decision. Click to open the conflicts page.</source>
        <translation>平台未接收的修改正等待负责人处理。点击打开同步冲突页面。</translation>
    </message>
</context>
<context>
    <name>ConflictLabels</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Scan of a material</source>
        <translation>材料扫描件</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Rectification task</source>
        <translation>整改任务</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Task status</source>
        <translation>任务状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Type of ID</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>法定代表人/代理人</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Applicant record</source>
        <translation>申请人记录</translation>
    </message>
    <message>
        <source>Service item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <source>Catalogue version</source>
        <translation>事项目录版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Application form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Taken in by</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Accepted by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Time limit unit</source>
        <translation>时限单位</translation>
    </message>
    <message>
        <source>Missing materials</source>
        <translation>缺少的材料</translation>
    </message>
    <message>
        <source>One-time notice issued</source>
        <translation>一次性告知时间</translation>
    </message>
    <message>
        <source>Materials pending</source>
        <translation>容缺材料</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment</source>
        <translation>申请人承诺</translation>
    </message>
    <message>
        <source>Deadline for pending materials</source>
        <translation>容缺材料补齐期限</translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>救济途径</translation>
    </message>
    <message>
        <source>Status after the suspension</source>
        <translation>中止后恢复的状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Reason for the result</source>
        <translation>办理结果理由</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>送达时间</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>撤回理由</translation>
    </message>
    <message>
        <source>Application record</source>
        <translation>办件记录</translation>
    </message>
    <message>
        <source>Material code</source>
        <translation>材料编码</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验值</translation>
    </message>
    <message>
        <source>Rating record</source>
        <translation>评价记录</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>评价渠道</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <source>Rated at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Calendar days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>The platform does not accept this value.</source>
        <translation>平台不接受该值。</translation>
    </message>
    <message>
        <source>The platform&apos;s record no longer allows this step.</source>
        <translation>平台上的记录已不允许此操作。</translation>
    </message>
    <message>
        <source>The platform does not know this record.</source>
        <translation>平台上没有这条记录。</translation>
    </message>
    <message>
        <source>The platform already has this record.</source>
        <translation>平台上已有这条记录。</translation>
    </message>
    <message>
        <source>The platform does not know this service item.</source>
        <translation>平台上没有这个事项。</translation>
    </message>
    <message>
        <source>The platform refused this change.</source>
        <translation>平台拒绝了这项修改。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>请输入 %1 到 %2 之间的数。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>请从选项中选择。</translation>
    </message>
    <message>
        <source>Enter a date such as 2026-01-31.</source>
        <translation>请按 2026-01-31 的格式输入日期。</translation>
    </message>
    <message>
        <source>Enter the value as JSON, as shown in the comparison.</source>
        <translation>请按对比表中的格式以 JSON 填写。</translation>
    </message>
    <message>
        <source>This field cannot be edited here: keep one side instead.</source>
        <translation>此项不能在这里修改：请保留其中一方的版本。</translation>
    </message>
    <message>
        <source>This counter&apos;s change cannot be kept: the platform would refuse its value of %1. Take the platform&apos;s version; this counter&apos;s change stays recorded with the conflict.</source>
        <translation>不能保留本机的修改：平台不会接受其中的“%1”。请采用平台版本；本机的修改仍随冲突记录保存。</translation>
    </message>
    <message>
        <source>Close the task</source>
        <translation>关闭任务</translation>
    </message>
    <message>
        <source>This counter&apos;s change cannot be kept: on the platform, %1 is now “%2”, and this counter&apos;s step “%3” is not allowed from there. Take the platform&apos;s version; this counter&apos;s change stays recorded with the conflict.</source>
        <translation>不能保留本机的修改：平台上的%1已是“%2”，不能再从该状态办理本机的“%3”环节。请采用平台版本；本机的修改仍随冲突记录保存。</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>冲突字段</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Open conflicts</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>This counter&apos;s version and the platform&apos;s, field by field</source>
        <translation>本机版本与平台版本逐项对比</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Only the fields that &amp;differ</source>
        <translation>只看不同的字段(&amp;D)</translation>
    </message>
    <message>
        <source>Only the fields that differ</source>
        <translation>只看不同的字段</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留本机(&amp;K)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留本机</translation>
    </message>
    <message>
        <source>This counter&apos;s change goes to the platform again, on top of the platform&apos;s version.</source>
        <translation>在平台版本的基础上，重新向平台发送本机的修改。</translation>
    </message>
    <message>
        <source>&amp;Take the platform&apos;s</source>
        <translation>采用平台(&amp;T)</translation>
    </message>
    <message>
        <source>Take the platform&apos;s</source>
        <translation>采用平台</translation>
    </message>
    <message>
        <source>The platform&apos;s version replaces this counter&apos;s; this counter&apos;s waiting changes to the record are dropped. Both versions stay with the conflict.</source>
        <translation>以平台版本替换本机版本，本机对该记录尚未发送的修改不再发送。两个版本都随冲突记录保留。</translation>
    </message>
    <message>
        <source>&amp;Edit and keep…</source>
        <translation>修改后保留(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit and keep</source>
        <translation>修改后保留</translation>
    </message>
    <message>
        <source>Type the values of the fields in conflict; the result goes to the platform.</source>
        <translation>填写冲突字段的值，结果发送到平台。</translation>
    </message>
    <message>
        <source>Why this counter&apos;s change cannot be kept</source>
        <translation>不能保留本机修改的原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Personal data is shown in full: each reading is recorded in the audit trail.</source>
        <translation>个人信息完整显示：每次查看都记入审计日志。</translation>
    </message>
    <message>
        <source>No open conflicts: the platform took every change this counter sent.</source>
        <translation>没有待处理的冲突：本机发送的修改平台都已接收。</translation>
    </message>
    <message>
        <source>Choose a conflict in the list.</source>
        <translation>请在列表中选择一个冲突。</translation>
    </message>
    <message>
        <source>%1: another writer changed %2 on the platform (its version %3) while this counter changed it too, on %4.</source>
        <translation>%1：平台上%2已被他人修改（平台版本 %3），本机也修改了同一项，%4 发现冲突。</translation>
    </message>
    <message>
        <source>The fields in conflict change only through the record&apos;s steps: keep one side.</source>
        <translation>冲突字段只能通过办理环节改变：请保留其中一方的版本。</translation>
    </message>
    <message>
        <source>Kept this counter&apos;s change: it goes to the platform at the next sync.</source>
        <translation>已保留本机的修改，下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>Took the platform&apos;s version; this counter&apos;s change to the record was dropped.</source>
        <translation>已采用平台版本，本机对该记录的修改不再发送。</translation>
    </message>
    <message>
        <source>Kept the edited values: they go to the platform at the next sync.</source>
        <translation>已保留修改后的值，下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>这个冲突已经处理过了。</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Changes the platform did not take are reviewed by a supervisor: when another counter or the back office changed the same record, a supervisor decides which version stays. Ask your supervisor if one of your changes is waiting.</source>
        <translation>平台未接收的修改由负责人处理：其他窗口或后台修改了同一条记录时，由负责人决定保留哪个版本。如果您的修改正在等待，请联系负责人。</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>冲突(&amp;C)</translation>
    </message>
    <message>
        <source>Conflicts show citizens&apos; personal data from both versions of a record, so a supervisor reviews and resolves them. Operations the platform rejected are listed in the next tab.</source>
        <translation>冲突会显示记录两个版本中群众的个人信息，因此由负责人查看和处理。平台拒绝的操作列在下一个标签页中。</translation>
    </message>
    <message>
        <source>&amp;Rejected operations</source>
        <translation>被拒绝的操作(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)</source>
        <translation>冲突（%1）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rejected operations (%1)</source>
        <translation>被拒绝的操作（%1）(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DashboardSeries</name>
    <message>
        <source>%1: %2 taken in</source>
        <translation>%1：收件 %2 件</translation>
    </message>
    <message>
        <source>%1 (day off)</source>
        <translation>%1（休息日）</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>%1 起的一周</translation>
    </message>
    <message>
        <source>%1: %2 satisfied, %3 good of %4 ratings, %5 bad</source>
        <translation>%1：好评率 %2，%4 条评价中好评 %3 条、差评 %5 条</translation>
    </message>
    <message>
        <source>%1: no ratings</source>
        <translation>%1：无评价</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <source>Period starts</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Period ends</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>All service items</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>All staff members</source>
        <translation>全部工作人员</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>刷新统计数据</translation>
    </message>
    <message>
        <source>You see your own cases: those you accepted, and those you took in that nobody has accepted yet.</source>
        <translation>仅显示您本人的办件：您受理的，以及您收件、尚无人受理的。</translation>
    </message>
    <message>
        <source>Whose cases</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <source>The official holiday arrangement for part of this period is not published yet: working days there are estimated, and the processing times may change.</source>
        <translation>本期间有部分日期的官方节假日安排尚未公布：其中的工作日为估算，办理时长可能会变化。</translation>
    </message>
    <message>
        <source>Reading status</source>
        <translation>读取状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Applications taken in per day</source>
        <translation>每日收件量</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Weekend or holiday</source>
        <translation>周末或节假日</translation>
    </message>
    <message>
        <source>No days in the period.</source>
        <translation>期间内没有日期。</translation>
    </message>
    <message>
        <source>Satisfaction rate over time</source>
        <translation>好评率变化</translation>
    </message>
    <message>
        <source>No ratings in the period.</source>
        <translation>期间内没有评价。</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save the intake chart as PNG</source>
        <translation>将收件量图表另存为 PNG</translation>
    </message>
    <message>
        <source>Save the satisfaction chart as PNG</source>
        <translation>将好评率图表另存为 PNG</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <source>Figures per service item</source>
        <translation>分事项统计</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Figures per staff member</source>
        <translation>分人员统计</translation>
    </message>
    <message>
        <source>per service item</source>
        <translation>分事项</translation>
    </message>
    <message>
        <source>per staff member</source>
        <translation>分人员</translation>
    </message>
    <message>
        <source>Export to &amp;Excel (XLSX)…</source>
        <translation>导出为 Excel (XLSX)(&amp;E)…</translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation>导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export the figures %1 to %2</source>
        <translation>将%1统计导出为 %2</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>统计表</translation>
    </message>
    <message>
        <source>By service item</source>
        <translation>分事项</translation>
    </message>
    <message>
        <source>By staff member</source>
        <translation>分人员</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>A period may be at most %1 days long.</source>
        <translation>统计期间最长 %1 天。</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取统计数据…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1, %2 in all</source>
        <translation>%1，共 %2 件</translation>
    </message>
    <message>
        <source>Satisfaction rate per day</source>
        <translation>每日好评率</translation>
    </message>
    <message>
        <source>Satisfaction rate per week</source>
        <translation>每周好评率</translation>
    </message>
    <message>
        <source>%1, share of good ratings, %2 ratings</source>
        <translation>%1，好评占比，共 %2 条评价</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>图表另存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>收件量</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>好评率</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Dashboard %1</source>
        <translation>统计 %1</translation>
    </message>
    <message>
        <source>Dashboard %1 %2 to %3</source>
        <translation>统计 %1 %2至%3</translation>
    </message>
    <message>
        <source>Per service item</source>
        <translation>分事项</translation>
    </message>
    <message>
        <source>Per staff member</source>
        <translation>分人员</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>文件未能写入：%1</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accept with minor materials &amp;pending</source>
        <translation>容缺受理(&amp;P)</translation>
    </message>
    <message>
        <source>Accept with minor materials pending</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>One-time &amp;notice of missing materials</source>
        <translation>一次性告知补正材料(&amp;N)</translation>
    </message>
    <message>
        <source>One-time notice of missing materials</source>
        <translation>一次性告知补正材料</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>不予受理(&amp;F)</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Why a decision is not available</source>
        <translation>不能选择某项决定的原因</translation>
    </message>
    <message>
        <source>What accepting means</source>
        <translation>受理说明</translation>
    </message>
    <message>
        <source>Materials left pending</source>
        <translation>容缺材料</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment</source>
        <translation>申请人承诺</translation>
    </message>
    <message>
        <source>Commitment problem</source>
        <translation>承诺内容问题</translation>
    </message>
    <message>
        <source>Deadline for the pending materials</source>
        <translation>容缺材料补交期限</translation>
    </message>
    <message>
        <source>Materials missing</source>
        <translation>缺少的材料</translation>
    </message>
    <message>
        <source>Reason for refusing</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>Reason problem</source>
        <translation>理由问题</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>救济途径</translation>
    </message>
    <message>
        <source>&amp;Commitment:</source>
        <translation>承诺内容(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>补交期限(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;emedies:</source>
        <translation>救济途径(&amp;E)：</translation>
    </message>
    <message>
        <source>The applicant is told why, and how to seek administrative review or bring a lawsuit.</source>
        <translation>告知申请人不予受理的理由，以及申请行政复议或提起行政诉讼的途径。</translation>
    </message>
    <message>
        <source>Decision problem</source>
        <translation>决定问题</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Alt+A, Alt+P, Alt+N or Alt+F chooses; Ctrl+Enter decides and issues the notice.</source>
        <translation>Alt+A、Alt+P、Alt+N、Alt+F 选择；Ctrl+Enter 作出决定并出具通知书。</translation>
    </message>
    <message>
        <source>Not accepted yet: %1 missing.</source>
        <translation>暂不能受理：缺少%1。</translation>
    </message>
    <message>
        <source>Cannot be left pending (not minor): %1.</source>
        <translation>不能容缺（非次要材料）：%1。</translation>
    </message>
    <message>
        <source>Every mandatory material is in: nothing to notify.</source>
        <translation>必要材料已齐全，无需告知补正。</translation>
    </message>
    <message>
        <source>Every mandatory material has been received. The application is accepted and promised within %1.</source>
        <translation>必要材料已全部收取。予以受理，承诺时限为%1。</translation>
    </message>
    <message>
        <source>The notice lists, at once, everything still to hand in: %1.</source>
        <translation>告知书一次性列出需补正的全部材料：%1。</translation>
    </message>
    <message>
        <source>Left pending, on the applicant&apos;s commitment: %1.</source>
        <translation>凭申请人承诺容缺：%1。</translation>
    </message>
    <message>
        <source>I commit to hand in %1 by the deadline; the materials I have handed in are true and valid.</source>
        <translation>本人承诺在规定期限内补齐%1，所提交材料真实有效。</translation>
    </message>
    <message>
        <source>Choose a decision.</source>
        <translation>请选择受理决定。</translation>
    </message>
    <message>
        <source>Write down the applicant&apos;s commitment.</source>
        <translation>请填写申请人的承诺内容。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
    <message>
        <source>Give the reason for refusing.</source>
        <translation>请填写不予受理的理由。</translation>
    </message>
</context>
<context>
    <name>EditForm</name>
    <message>
        <source>The change goes to the platform at the next sync with these values, on top of the platform&apos;s version.</source>
        <translation>下次同步时，在平台版本的基础上以这些值发送修改。</translation>
    </message>
    <message>
        <source>Save and keep (Ctrl+Enter)</source>
        <translation>保存并保留（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Save and keep</source>
        <translation>保存并保留</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The platform: %1</source>
        <translation>平台：%1</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Enroll this counter</source>
        <translation>注册本窗口</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>The platform&apos;s operator gives the office a one-time code. Enrolling again with the same office keeps everything; a profile that holds another office&apos;s records cannot be enrolled with a new office.</source>
        <translation>平台运维人员会向本单位提供一次性注册码。重新注册到同一单位时所有数据保留；已存有其他单位记录的档案不能注册到新单位。</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
</context>
<context>
    <name>EnrollForm</name>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>One-time enrollment code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <source>Name of this counter</source>
        <translation>本窗口名称</translation>
    </message>
    <message>
        <source>e.g. 1号窗口</source>
        <translation>例如：1号窗口</translation>
    </message>
    <message>
        <source>Platform address message</source>
        <translation>平台地址提示</translation>
    </message>
    <message>
        <source>Enrollment code message</source>
        <translation>注册码提示</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation>平台地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>注册码(&amp;C)：</translation>
    </message>
    <message>
        <source>Counter na&amp;me:</source>
        <translation>窗口名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Enter the platform&apos;s address.</source>
        <translation>请输入平台地址。</translation>
    </message>
    <message>
        <source>The address starts with https:// (or http://).</source>
        <translation>地址应以 https://（或 http://）开头。</translation>
    </message>
    <message>
        <source>Enter the enrollment code.</source>
        <translation>请输入注册码。</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>This enrollment code is not known to the platform: check it for typos.</source>
        <translation>平台不认识这个注册码：请检查是否输错。</translation>
    </message>
    <message>
        <source>This enrollment code was used already: ask the platform for a new one.</source>
        <translation>这个注册码已被使用：请向平台索取新的注册码。</translation>
    </message>
    <message>
        <source>This enrollment code has expired: ask the platform for a new one.</source>
        <translation>这个注册码已过期：请向平台索取新的注册码。</translation>
    </message>
    <message>
        <source>The platform cannot be reached at this address: check it and the network.</source>
        <translation>无法通过此地址连接平台：请检查地址和网络。</translation>
    </message>
    <message>
        <source>This computer holds the records of another office: it cannot be enrolled with this one.</source>
        <translation>本机存有其他单位的记录，不能注册到此单位。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A sync is running: try again in a moment.</source>
        <translation>正在同步，请稍后再试。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Use up to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>用户名最多 32 个字符，只能使用字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <translation>该值不符合要求。</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked. Ask an administrator to unlock it.</source>
        <translation>该账号已被锁定，请联系管理员解锁。</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Counter (schema version %2; this version reads up to %3). Install the newer version. The file was not changed.</source>
        <translation>数据库 %1 由更新版本的 Counter 写入（数据结构版本 %2；本版本最高支持 %3）。请安装更新的版本。该文件未被改动。</translation>
    </message>
    <message>
        <source>The database %1 is damaged and cannot be opened.</source>
        <translation>数据库 %1 已损坏，无法打开。</translation>
    </message>
    <message>
        <source>The last backup is %1. An administrator can restore it with “counter-app restore”.</source>
        <translation>最近的备份是 %1。管理员可以用“counter-app restore”命令恢复。</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>未找到它的备份。</translation>
    </message>
    <message>
        <source>The key that protects this office&apos;s personal data cannot be read, so the data cannot be opened. Restore the OS keyring or the key file this profile was created with.</source>
        <translation>无法读取保护本单位个人信息的密钥，因此无法打开数据。请恢复创建本单位数据时所用的系统密钥环或密钥文件。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <source>The record was not found.</source>
        <translation>未找到该记录。</translation>
    </message>
    <message>
        <source>The operation was refused.</source>
        <translation>操作被拒绝。</translation>
    </message>
    <message>
        <source>An unexpected error occurred. The details were written to the log.</source>
        <translation>发生意外错误，详细信息已记入日志。</translation>
    </message>
    <message>
        <source>The network connection failed or timed out.</source>
        <translation>网络连接失败或超时。</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written.</source>
        <translation>磁盘已满，无法写入：%1</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>磁盘已满。</translation>
    </message>
    <message>
        <source>No permission to read or write %1.</source>
        <translation>没有读写权限：%1</translation>
    </message>
    <message>
        <source>No permission to read or write the file.</source>
        <translation>没有读写该文件的权限。</translation>
    </message>
    <message>
        <source>The file %1 was not found.</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <source>The file %1 could not be read or written.</source>
        <translation>无法读写文件：%1</translation>
    </message>
    <message>
        <source>A file could not be read or written (a disk or device error).</source>
        <translation>无法读写文件（磁盘或设备故障）。</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
</context>
<context>
    <name>EventFilters</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Perso&amp;n:</source>
        <translation>人员(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>结果(&amp;U)：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Any view of personal data</source>
        <translation>所有个人信息查看</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
        <source>CSV (UTF-8, opens in Excel)</source>
        <translation>CSV（UTF-8，可用 Excel 打开）</translation>
    </message>
    <message>
        <source>Full ID numbers</source>
        <translation>完整证件号码</translation>
    </message>
    <message>
        <source>F&amp;ull ID numbers (recorded in the audit trail)</source>
        <translation>完整证件号码（记入审计日志）(&amp;U)</translation>
    </message>
    <message>
        <source>The file will hold citizens&apos; full ID numbers. The export is recorded in the audit trail as a view of personal data: keep the file safe and delete it when it is no longer needed.</source>
        <translation>导出文件将包含群众的完整证件号码。此次导出将作为一次个人信息查看记入审计日志：请妥善保管文件，不再需要时及时删除。</translation>
    </message>
    <message>
        <source>Warning about full ID numbers</source>
        <translation>完整证件号码警示</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the applications</source>
        <translation>导出办件</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Problem with the first day</source>
        <translation>开始日期有误</translation>
    </message>
    <message>
        <source>Problem with the last day</source>
        <translation>结束日期有误</translation>
    </message>
    <message>
        <source>Export problem</source>
        <translation>导出问题</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>One row per application taken in during the period: receipt number, service, applicant, ID number, status, dates, result and rating. ID numbers are masked unless you ask for them in full.</source>
        <translation>期间受理的每件办件一行：受理编号、事项、申请人、证件号码、状态、各环节日期、办理结果和评价。除非选择导出完整号码，证件号码均作脱敏处理。</translation>
    </message>
    <message>
        <source>Applications %1 to %2</source>
        <translation>办件 %1 至 %2</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>The last day comes before the first day.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>%1 applications written to %2</source>
        <translation>已将 %1 件办件写入 %2</translation>
    </message>
    <message>
        <source>choose a file in a folder that exists.</source>
        <translation>请选择已存在文件夹中的文件。</translation>
    </message>
    <message>
        <source>The file was not written: %1</source>
        <translation>文件未写入：%1</translation>
    </message>
</context>
<context>
    <name>FigureTiles</name>
    <message>
        <source>Taken in</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Average processing time</source>
        <translation>平均办理时长</translation>
    </message>
    <message>
        <source>Processing time (P90)</source>
        <translation>办理时长（90% 分位）</translation>
    </message>
    <message>
        <source>One-time notice rate</source>
        <translation>一次性告知率</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>好评率</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>Open rectifications</source>
        <translation>未办结整改</translation>
    </message>
    <message>
        <source>Overdue rectifications</source>
        <translation>超期整改</translation>
    </message>
    <message>
        <source>In the period</source>
        <translation>统计期间内</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>In the period %1 to %2</source>
        <translation>统计期间 %1 至 %2</translation>
    </message>
    <message>
        <source>Now (%1), whatever the period</source>
        <translation>当前（%1），与统计期间无关</translation>
    </message>
    <message>
        <source>applications drafted at the counter</source>
        <translation>窗口新收的申请</translation>
    </message>
    <message>
        <source>%1 of them with minor materials pending</source>
        <translation>其中容缺受理 %1 件</translation>
    </message>
    <message>
        <source>with the reason and the remedies</source>
        <translation>已告知理由和救济途径</translation>
    </message>
    <message>
        <source>granted or denied</source>
        <translation>准予或不予许可</translation>
    </message>
    <message>
        <source>results handed out</source>
        <translation>办理结果已送达</translation>
    </message>
    <message>
        <source>dissatisfied or very dissatisfied</source>
        <translation>不满意或非常不满意</translation>
    </message>
    <message>
        <source>%1 of them suspended</source>
        <translation>其中中止 %1 件</translation>
    </message>
    <message>
        <source>time limit passed, clock running</source>
        <translation>已过办理期限，仍在计时</translation>
    </message>
    <message>
        <source>opened by bad ratings, not closed</source>
        <translation>差评引起，尚未办结</translation>
    </message>
    <message>
        <source>open past their deadline</source>
        <translation>超过整改期限仍未办结</translation>
    </message>
    <message>
        <source>%1 of %2 completed cases with a time limit</source>
        <translation>%2 件有时限，按时办结 %1 件</translation>
    </message>
    <message>
        <source>%1 of %2 sent home with the written notice</source>
        <translation>%2 件材料不全，书面告知 %1 件</translation>
    </message>
    <message>
        <source>%1 satisfied of %2 ratings</source>
        <translation>%2 条评价中好评 %1 条</translation>
    </message>
    <message>
        <source>working days or fewer, for 9 in 10 cases</source>
        <translation>个工作日以内办结的占九成</translation>
    </message>
    <message>
        <source>no case completed in the period</source>
        <translation>期间内没有办结件</translation>
    </message>
    <message>
        <source>working days, suspensions excluded</source>
        <translation>个工作日，不含中止时间</translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <source>Taken in</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Average working days</source>
        <translation>平均工作日</translation>
    </message>
    <message>
        <source>P90 working days</source>
        <translation>90%分位工作日</translation>
    </message>
    <message>
        <source>One-time notice rate</source>
        <translation>一次性告知率</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>好评率</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Open rectifications</source>
        <translation>未办结整改</translation>
    </message>
    <message>
        <source>Overdue rectifications</source>
        <translation>超期整改</translation>
    </message>
    <message>
        <source>%1 of %2 on time</source>
        <translation>%2 件中按时 %1 件</translation>
    </message>
    <message>
        <source>%1 of %2 with the notice</source>
        <translation>%2 件中书面告知 %1 件</translation>
    </message>
    <message>
        <source>%1 good of %2</source>
        <translation>%2 条中好评 %1 条</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <source>Welcome to Counter. This office has no staff account yet: create the administrator, who then adds the accounts of the counter staff.</source>
        <translation>欢迎使用 Counter。本单位还没有工作人员账号：请先创建管理员账号，再由管理员为窗口人员添加账号。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>the name shown to colleagues, e.g. 王芳</source>
        <translation>同事看到的姓名，例如：王芳</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>User name message</source>
        <translation>用户名提示</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>密码提示</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>确认密码提示</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2026-01-31</translation>
    </message>
    <message>
        <source>18 characters, or read the ID card</source>
        <translation>18 位，或刷身份证</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位数字</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>不小于 %1</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>不大于 %1</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <source>Form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <source>Fields marked * are required. Each value is checked as you type.</source>
        <translation>带 * 的为必填项。输入时即时校验。</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>申请表内容</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>申请表：%1</translation>
    </message>
    <message>
        <source>%1: problem</source>
        <translation>%1：问题</translation>
    </message>
    <message>
        <source>This service has no form of its own: go on to the materials.</source>
        <translation>本事项无需另填申请表，请继续核对材料。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>IntakeMessages</name>
    <message>
        <source>Enter the resident ID number.</source>
        <translation>请输入公民身份号码。</translation>
    </message>
    <message>
        <source>A resident ID number is 17 digits followed by a digit or X.</source>
        <translation>公民身份号码为 17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <source>The first two digits are not a province code.</source>
        <translation>前两位不是有效的省级行政区划代码。</translation>
    </message>
    <message>
        <source>The check digit does not match: a digit was probably mistyped.</source>
        <translation>校验码不符，可能有数字输错。</translation>
    </message>
    <message>
        <source>This ID number is already registered: search for the applicant instead.</source>
        <translation>该证件号码已登记，请直接查找申请人。</translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is in the future.</source>
        <translation>号码中的出生日期（%1）晚于今天。</translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is before 1900.</source>
        <translation>号码中的出生日期（%1）早于 1900 年。</translation>
    </message>
    <message>
        <source>The birth date in the number is not a real date.</source>
        <translation>号码中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <source>Enter the mobile number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <source>A mobile number is 11 digits starting with 13 to 19.</source>
        <translation>手机号码为 11 位数字，以 13 至 19 开头。</translation>
    </message>
    <message>
        <source>Enter the unified social credit code.</source>
        <translation>请输入统一社会信用代码。</translation>
    </message>
    <message>
        <source>A unified social credit code is 18 characters: digits and capital letters (no I, O, S, V, Z).</source>
        <translation>统一社会信用代码为 18 位数字或大写字母（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>The check character does not match: a character was probably mistyped.</source>
        <translation>校验码不符，可能有字符输错。</translation>
    </message>
    <message>
        <source>This code is already registered: search for the organisation instead.</source>
        <translation>该代码已登记，请直接查找该单位。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
    <message>
        <source>This does not have the expected form.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation>不能小于 %1。</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>不能大于 %1。</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>请从选项中选择。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Enter a number, such as 1200 or 1200.50.</source>
        <translation>请输入数字，如 1200 或 1200.50。</translation>
    </message>
    <message>
        <source>There is no such date.</source>
        <translation>没有这个日期。</translation>
    </message>
    <message>
        <source>Enter a date such as 2026-01-31.</source>
        <translation>请按 2026-01-31 的格式输入日期。</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>请选择是或否。</translation>
    </message>
    <message>
        <source>Wrong file type: only %1 files are accepted.</source>
        <translation>文件类型不符：只接受 %1 文件。</translation>
    </message>
    <message>
        <source>The file is too large: at most %1 MB.</source>
        <translation>文件过大：最大 %1 MB。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>Mandatory materials are missing: the application cannot be accepted yet.</source>
        <translation>缺少必要材料，暂不能受理。</translation>
    </message>
    <message>
        <source>Some missing materials are not minor: they cannot be left pending. Issue a one-time notice.</source>
        <translation>所缺材料中有非次要材料，不能容缺受理，请出具一次性告知书。</translation>
    </message>
    <message>
        <source>Nothing is missing: accept the application.</source>
        <translation>材料齐全，请直接受理。</translation>
    </message>
    <message>
        <source>The deadline must be after today.</source>
        <translation>补交期限必须晚于今天。</translation>
    </message>
    <message>
        <source>Write down the applicant&apos;s commitment.</source>
        <translation>请填写申请人的承诺内容。</translation>
    </message>
    <message>
        <source>Give the reason for refusing.</source>
        <translation>请填写不予受理的理由。</translation>
    </message>
    <message>
        <source>This service is not open to this kind of applicant.</source>
        <translation>该事项不面向此类申请人。</translation>
    </message>
    <message>
        <source>This service has been retired from the catalogue.</source>
        <translation>该事项已从目录中停用。</translation>
    </message>
    <message>
        <source>This step is not possible for the application in its current state.</source>
        <translation>申请当前所处状态不能进行此操作。</translation>
    </message>
    <message>
        <source>Scans can only be removed before the decision.</source>
        <translation>只能在作出受理决定前删除扫描件。</translation>
    </message>
    <message>
        <source>This scan has already been sent to the platform: it can no longer be removed here.</source>
        <translation>该扫描件已上传至政务服务平台，不能在此删除。</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>This intake so far</source>
        <translation>本次受理概况</translation>
    </message>
    <message>
        <source>Intake message</source>
        <translation>受理提示</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Back (Alt+B, Alt+Left)</source>
        <translation>上一步（Alt+B、Alt+←）</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Your role does not take applications in. Log in as a counter clerk or supervisor to take one in.</source>
        <translation>您的角色不办理受理业务。请以窗口工作人员或负责人身份登录后受理。</translation>
    </message>
    <message>
        <source>Decide and issue the notice (Ctrl+Enter)</source>
        <translation>作出决定并出具通知书（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Next (Ctrl+Enter)</source>
        <translation>下一步（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>有些内容需要修改。</translation>
    </message>
    <message>
        <source>Application %1 was left as a draft.</source>
        <translation>申请 %1 已保留为草稿。</translation>
    </message>
    <message>
        <source>An ID card was read while an application is being taken in. Finish it, or start a new intake (Ctrl+N) and read the card again.</source>
        <translation>正在受理一件申请时刷了身份证。请先办完本件，或新建受理（Ctrl+N）后重新刷卡。</translation>
    </message>
    <message>
        <source>Applicant: %1 (%2)</source>
        <translation>申请人：%1（%2）</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <source>Receipt number: %1 (%2)</source>
        <translation>受理编号：%1（%2）</translation>
    </message>
    <message>
        <source>A new intake: find the applicant first (or read the ID card).</source>
        <translation>新的受理：请先查找申请人（或刷身份证）。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>ItemFormModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ItemMaterialsModel</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>非必需</translation>
    </message>
    <message>
        <source>Required, may follow later</source>
        <translation>必需，可容缺后补</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>Where the data key is</source>
        <translation>数据密钥的位置</translation>
    </message>
    <message>
        <source>Device token</source>
        <translation>设备令牌</translation>
    </message>
    <message>
        <source>OS keyring on this computer</source>
        <translation>本机系统密钥环</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>&amp;Move the key to the OS keyring</source>
        <translation>将密钥移入系统密钥环(&amp;M)</translation>
    </message>
    <message>
        <source>Move the key to the OS keyring</source>
        <translation>将密钥移入系统密钥环</translation>
    </message>
    <message>
        <source>Copies the data key and the device token to the OS keyring, checks them, then deletes the file</source>
        <translation>将数据密钥和设备令牌复制到系统密钥环并核对，然后删除密钥文件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>The key that protects citizens&apos; personal data</source>
        <translation>保护群众个人信息的密钥</translation>
    </message>
    <message>
        <source>Data key:</source>
        <translation>数据密钥：</translation>
    </message>
    <message>
        <source>Device token:</source>
        <translation>设备令牌：</translation>
    </message>
    <message>
        <source>OS keyring:</source>
        <translation>系统密钥环：</translation>
    </message>
    <message>
        <source>ID numbers, phone numbers, addresses and scans are encrypted with the data key. Kept in the OS keyring, it is unlocked by the Windows or desktop login of this computer; kept in the fallback file, it is protected only by the file&apos;s permissions.</source>
        <translation>证件号码、电话号码、住址和扫描件均用数据密钥加密。密钥存于系统密钥环时，由本机的 Windows 或桌面登录解锁；存于备用密钥文件时，仅靠文件权限保护。</translation>
    </message>
    <message>
        <source>In the OS keyring (%1)</source>
        <translation>在系统密钥环中（%1）</translation>
    </message>
    <message>
        <source>In the fallback file %1</source>
        <translation>在备用密钥文件 %1 中</translation>
    </message>
    <message>
        <source>Stored with the data key</source>
        <translation>与数据密钥存放在一起</translation>
    </message>
    <message>
        <source>None: this counter is not enrolled with the platform</source>
        <translation>无：本窗口尚未注册到平台</translation>
    </message>
    <message>
        <source>Works (%1)</source>
        <translation>可用（%1）</translation>
    </message>
    <message>
        <source>None works on this computer (%1): the key stays in the file</source>
        <translation>本机没有可用的系统密钥环（%1）：密钥仍保存在文件中</translation>
    </message>
    <message>
        <source>No OS keyring protects the data key. Anyone who can copy the file %1 together with the data directory (or a backup of it) can read the citizens&apos; personal data. Let only the administrator log in to this computer&apos;s account, and move the key to the OS keyring as soon as one works here.</source>
        <translation>数据密钥没有系统密钥环保护。任何人只要复制了文件 %1 和数据目录（或其备份），就能读取群众的个人信息。请仅允许管理员登录本机的该系统账户，并在本机有可用的系统密钥环后立即将密钥移入其中。</translation>
    </message>
    <message>
        <source>A copy of the data key is still in the file %1 (a move was interrupted): move again to delete it.</source>
        <translation>文件 %1 中仍有一份数据密钥（上次移动被中断）：请再移动一次以删除它。</translation>
    </message>
    <message>
        <source>The data key and the device token are now in the OS keyring and the fallback file was deleted. Copies of that file made earlier (in backups of the computer) still hold the key.</source>
        <translation>数据密钥和设备令牌已移入系统密钥环，备用密钥文件已删除。此前（在电脑备份中）留存的该文件副本仍含有密钥。</translation>
    </message>
    <message>
        <source>No OS keyring works on this computer: the key stays in the file.</source>
        <translation>本机没有可用的系统密钥环：密钥仍保存在文件中。</translation>
    </message>
    <message>
        <source>The data key is in the OS keyring already.</source>
        <translation>数据密钥已在系统密钥环中。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>On the spot</source>
        <translation>即办</translation>
    </message>
</context>
<context>
    <name>ListOrder</name>
    <message>
        <source>Newest intake first</source>
        <translation>收件时间由近到远</translation>
    </message>
    <message>
        <source>Oldest intake first</source>
        <translation>收件时间由远到近</translation>
    </message>
    <message>
        <source>Due date, earliest first</source>
        <translation>承诺办结日期由早到晚</translation>
    </message>
    <message>
        <source>Due date, latest first</source>
        <translation>承诺办结日期由晚到早</translation>
    </message>
    <message>
        <source>Receipt number, ascending</source>
        <translation>受理编号升序</translation>
    </message>
    <message>
        <source>Receipt number, descending</source>
        <translation>受理编号降序</translation>
    </message>
    <message>
        <source>Applicant, pinyin A to Z</source>
        <translation>申请人（拼音 A→Z）</translation>
    </message>
    <message>
        <source>Applicant, pinyin Z to A</source>
        <translation>申请人（拼音 Z→A）</translation>
    </message>
    <message>
        <source>Service item, ascending</source>
        <translation>事项升序</translation>
    </message>
    <message>
        <source>Service item, descending</source>
        <translation>事项降序</translation>
    </message>
    <message>
        <source>Status, in the order of the steps</source>
        <translation>状态（按办理环节顺序）</translation>
    </message>
    <message>
        <source>Status, in reverse order</source>
        <translation>状态（按办理环节倒序）</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in with your staff account.</source>
        <translation>请使用工作人员账号登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>登录提示</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>An administrator reset your password. Choose a new password of your own to go on; nobody else should know it.</source>
        <translation>管理员已重置您的密码。请设置一个只有您自己知道的新密码后继续。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>New password message</source>
        <translation>新密码提示</translation>
    </message>
    <message>
        <source>Repeated password message</source>
        <translation>重复密码提示</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输一次(&amp;R)：</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>Change password and log in</source>
        <translation>修改密码并登录</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The password could not be changed. Try again.</source>
        <translation>密码未能修改，请重试。</translation>
    </message>
    <message>
        <source>Choose a password different from the temporary one.</source>
        <translation>请设置与临时密码不同的密码。</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <source>Demo mode: these accounts hold made-up data only.</source>
        <translation>演示模式：以下账号中的数据均为虚构。</translation>
    </message>
    <message>
        <source>%1: user name %2, password %3</source>
        <translation>%1：用户名 %2，密码 %3</translation>
    </message>
    <message>
        <source>The login could not be checked. Try again.</source>
        <translation>无法核验登录，请重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>功能导航</translation>
    </message>
    <message>
        <source>Key storage warning</source>
        <translation>密钥存放警告</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Lar&amp;ge text</source>
        <translation>大字模式(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Logged-in user</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <source>Pending sync operations</source>
        <translation>待同步操作</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>锁定 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) waiting to sync</source>
        <translation>
            <numerusform>待同步：%n 项操作</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: no working OS keyring was found, so the key that protects personal data is kept in a fallback key file. Anyone who can copy that file and the data can read them. Protect the file, or set up the OS keyring.</source>
        <translation>警告：没有找到可用的系统密钥环，保护个人信息的密钥存放在备用密钥文件中。任何能复制该文件和数据的人都能读取这些信息。请妥善保护该文件，或配置系统密钥环。</translation>
    </message>
    <message>
        <source>Connection to the platform</source>
        <translation>平台连接状态</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步时间</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>立即同步 (F5)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Syncing… %1/%2</source>
        <translation>正在同步… %1/%2</translation>
    </message>
    <message>
        <source>The platform cannot be reached now; sync starts as soon as it can be.</source>
        <translation>暂时无法连接平台，连通后将自动同步。</translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation>系统(&amp;Y)</translation>
    </message>
    <message>
        <source>Not connected to a platform</source>
        <translation>未接入政务服务平台</translation>
    </message>
    <message>
        <source>This counter is not enrolled with a government service platform yet; everything is kept on this computer.</source>
        <translation>本窗口尚未接入政务服务平台，所有数据保存在本机。</translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation>接入已被撤销</translation>
    </message>
    <message>
        <source>The platform revoked this counter&apos;s access: enroll it again.</source>
        <translation>平台已撤销本窗口的接入，请重新接入。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>正在检查网络连接…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1 cannot be reached now. Work carries on; changes are sent when it can be reached again.</source>
        <translation>暂时无法连接 %1。业务照常办理，数据将在连通后自动上传。</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>出具单位：%1</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1（非必要）</translation>
    </message>
    <message>
        <source>originals %1, copies %2</source>
        <translation>原件 %1 份，复印件 %2 份</translation>
    </message>
    <message>
        <source>, may be pending</source>
        <translation>，可容缺</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>未采用：%1</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等 %2 个</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Not handed in</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Scans: %1, at most %2 MB</source>
        <translation>扫描件：%1，最大 %2 MB</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Mark all mandatory &amp;received</source>
        <translation>必要材料全部收齐(&amp;R)</translation>
    </message>
    <message>
        <source>Mark all mandatory materials received</source>
        <translation>标记必要材料全部收齐</translation>
    </message>
    <message>
        <source>&amp;Attach scan…</source>
        <translation>添加扫描件(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach a scan from a file</source>
        <translation>从文件添加扫描件</translation>
    </message>
    <message>
        <source>Pick up from &amp;camera folder</source>
        <translation>取高拍仪最新图像(&amp;C)</translation>
    </message>
    <message>
        <source>Pick up the newest scan from the camera folder</source>
        <translation>从高拍仪文件夹取最新的扫描件</translation>
    </message>
    <message>
        <source>Camera &amp;folder…</source>
        <translation>高拍仪文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose the camera folder</source>
        <translation>选择高拍仪文件夹</translation>
    </message>
    <message>
        <source>Camera folder</source>
        <translation>高拍仪文件夹</translation>
    </message>
    <message>
        <source>Materials summary</source>
        <translation>材料汇总</translation>
    </message>
    <message>
        <source>Scan problem</source>
        <translation>扫描件问题</translation>
    </message>
    <message>
        <source>Scan attached</source>
        <translation>扫描件已添加</translation>
    </message>
    <message>
        <source>Space: received in full (or nothing); type a number to change the count under the cursor. Scans are checked for type and size before they are kept.</source>
        <translation>空格：该项收齐（再按一次清零）；输入数字修改光标处的份数。扫描件保存前检查文件类型和大小。</translation>
    </message>
    <message>
        <source>Received: %1 · mandatory missing: %2 · optional not handed in: %3</source>
        <translation>已收：%1 项 · 缺少必要材料：%2 项 · 未提交非必要材料：%3 项</translation>
    </message>
    <message>
        <source>Scan of %1</source>
        <translation>%1的扫描件</translation>
    </message>
    <message>
        <source>Scans (%1)</source>
        <translation>扫描件（%1）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the camera folder first (Alt+F).</source>
        <translation>请先选择高拍仪文件夹（Alt+F）。</translation>
    </message>
    <message>
        <source>No scan found in %1.</source>
        <translation>%1 中没有扫描件。</translation>
    </message>
    <message>
        <source>%1 was not attached to %2: %3</source>
        <translation>%1 未添加到“%2”：%3</translation>
    </message>
    <message>
        <source>%1 attached to %2.</source>
        <translation>%1 已添加到“%2”。</translation>
    </message>
    <message>
        <source>Folder where the document camera saves</source>
        <translation>高拍仪保存图像的文件夹</translation>
    </message>
    <message>
        <source>Camera folder: %1</source>
        <translation>高拍仪文件夹：%1</translation>
    </message>
    <message>
        <source>No camera folder chosen.</source>
        <translation>尚未选择高拍仪文件夹。</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>No scan is attached to %1 yet.</source>
        <translation>“%1”尚未添加扫描件。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>正在删除 %1…</translation>
    </message>
    <message>
        <source>Vie&amp;w scans…</source>
        <translation>查看扫描件(&amp;W)…</translation>
    </message>
    <message>
        <source>View or remove the scans of the material</source>
        <translation>查看或删除该材料的扫描件</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>No. %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Acceptance Notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <source>One-time Notice of Materials to Supply</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <source>Notice of Acceptance with Materials Pending</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>Notice of Refusal to Accept</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>the provisions on accepting applications with minor materials pending</source>
        <translation>容缺受理的有关规定</translation>
    </message>
    <message>
        <source>the rules on one-time notification in government services</source>
        <translation>政务服务一次性告知制度的有关规定</translation>
    </message>
    <message>
        <source>Article 32 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>《中华人民共和国行政许可法》第三十二条的规定</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1, item (4) of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>《中华人民共和国行政许可法》第三十二条第一款的规定</translation>
    </message>
    <message>
        <source>%1 and related provisions</source>
        <translation>%1等有关规定</translation>
    </message>
    <message>
        <source>on the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <source>%1 calendar days</source>
        <translation>%1个自然日</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1个工作日</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are complete and in the statutory form. In accordance with %3, the application is accepted.</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，申请材料齐全、符合法定形式，根据%3，决定予以受理。</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: its main materials are complete and in the statutory form, and some minor materials are still to be supplied. As you have committed in writing to supply them within the time limit, the application is accepted with materials pending in accordance with %3.</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，主要申请材料齐全、符合法定形式，尚有次要材料需要补正。鉴于你（单位）已书面承诺在规定期限内补齐，根据%3，决定予以容缺受理。</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are incomplete or not in the statutory form. In accordance with %3, everything you need to supply is listed below, all at once:</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，申请材料不齐全或者不符合法定形式。根据%3，现将需要补正的全部材料一次性告知如下：</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined and does not meet the conditions for acceptance, for this reason: %3. In accordance with %4, the application is not accepted.</source>
        <translation>你（单位）于%2提交的“%1”申请，经审查，不符合受理条件，理由如下：%3。根据%4，决定不予受理。</translation>
    </message>
    <message>
        <source>This service is handled on the spot and completed the same day.</source>
        <translation>本事项为即办件，当场办结。</translation>
    </message>
    <message>
        <source>This service is to be completed within %1, by %2. Days needed by law for hearings, tendering, auctions, inspection, testing, quarantine, appraisal or expert review are not counted in this time limit.</source>
        <translation>本事项承诺办结时限为%1，承诺办结日期为%2。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在办结时限内。</translation>
    </message>
    <message>
        <source>Materials to supply (%1 items):</source>
        <translation>需补正材料清单（共%1项）：</translation>
    </message>
    <message>
        <source>Materials pending (%1 items):</source>
        <translation>容缺材料清单（共%1项）：</translation>
    </message>
    <message>
        <source>Materials received (%1 items):</source>
        <translation>已收取材料清单（共%1项）：</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Materials received: %1 (%2 items).</source>
        <translation>已收取材料：%1，共%2项。</translation>
    </message>
    <message>
        <source>Keep this notice: quote the receipt number to follow the progress of the application and to collect the result.</source>
        <translation>请妥善保管本通知书，凭受理编号查询办理进度、领取办理结果。</translation>
    </message>
    <message>
        <source>This list is complete: we will not ask for any material that is not on it. Bring all of the materials above, with this notice, to %1 and submit the application again; once the materials are complete and in the statutory form, it will be accepted according to law.</source>
        <translation>以上为需要补正的全部材料，本单位不再要求补正本告知书所列以外的材料。请补齐上述全部材料后，持本告知书到%1重新提交申请；材料齐全、符合法定形式的，本单位将依法予以受理。</translation>
    </message>
    <message>
        <source>Supply the pending materials above by %1. If they are not supplied in time, or do not meet the requirements, the handling of the application will be terminated according to law and the applicant bears the consequences.</source>
        <translation>请于%1前补齐上述容缺材料。逾期未补齐或者补齐的材料不符合要求的，本事项将依法终止办理，由此产生的后果由申请人承担。</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment: %1</source>
        <translation>申请人承诺：%1</translation>
    </message>
    <message>
        <source>Hereby notified.</source>
        <translation>特此通知。</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <source>Implementing body</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Promised completion date</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Pending materials due by</source>
        <translation>容缺材料补齐期限</translation>
    </message>
    <message>
        <source>%1 (seal)</source>
        <translation>%1（印章）</translation>
    </message>
    <message>
        <source>Staff member: %1</source>
        <translation>经办人：%1</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature to the commitment:</source>
        <translation>申请人（承诺人）签字：</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation>申请人签收：</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Telephone: %1</source>
        <translation>联系电话：%1</translation>
    </message>
    <message>
        <source>This notice is made out in two copies: one for the applicant, one for the office.</source>
        <translation>本通知书一式两份，申请人、受理单位各执一份。</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>扫码核验</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>核验码：%1</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format of notices (QDate::toString)</comment>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>NoticeActions</name>
    <message>
        <source>Save the notice as PDF</source>
        <translation>将通知书另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>NoticePrinting</name>
    <message>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>打印通知书</translation>
    </message>
</context>
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <source>Set up this office</source>
        <translation>设置本单位</translation>
    </message>
    <message>
        <source>Office name on notices</source>
        <translation>告知书上的单位名称</translation>
    </message>
    <message>
        <source>e.g. 青山镇便民服务中心</source>
        <translation>例如：青山镇便民服务中心</translation>
    </message>
    <message>
        <source>Office contact on notices</source>
        <translation>告知书上的联系方式</translation>
    </message>
    <message>
        <source>telephone and address, e.g. 0571-1234567 青山镇政府一楼</source>
        <translation>电话和地址，例如：0571-1234567 青山镇政府一楼</translation>
    </message>
    <message>
        <source>Office name message</source>
        <translation>单位名称提示</translation>
    </message>
    <message>
        <source>Office contact message</source>
        <translation>联系方式提示</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>联系方式(&amp;C)：</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Step 2 of 3: the office</source>
        <translation>第 2 步（共 3 步）：单位信息</translation>
    </message>
    <message>
        <source>Notices given to citizens (acceptance receipts, one-time notices, refusals) carry the office&apos;s name and how to reach it.</source>
        <translation>发给群众的告知书（受理回执、一次性告知书、不予受理通知书）上印有单位名称和联系方式。</translation>
    </message>
    <message>
        <source>Enter the office&apos;s name.</source>
        <translation>请输入单位名称。</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Later: work offline</source>
        <translation>稍后再说：离线办公</translation>
    </message>
    <message>
        <source>Step 3 of 3: the platform</source>
        <translation>第 3 步（共 3 步）：政务服务平台</translation>
    </message>
    <message>
        <source>Enroll this counter with the government service platform with the one-time code the platform&apos;s operator gave the office. Without it, everything is kept on this computer and sent once the counter is enrolled (Admin page, Platform).</source>
        <translation>使用平台运维人员提供给本单位的一次性注册码，将本窗口注册到政务服务平台。未注册时，所有数据保存在本机，注册后（管理页面的“平台”）再上传。</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>自定义起止日期</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Problem with the period</source>
        <translation>期间有误</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>PersonalDataViewsModel</name>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Views in all</source>
        <translation>查看次数合计</translation>
    </message>
    <message>
        <source>Applicants&apos; data shown</source>
        <translation>查看申请人信息</translation>
    </message>
    <message>
        <source>Scans opened</source>
        <translation>查看扫描件</translation>
    </message>
    <message>
        <source>Notices prepared</source>
        <translation>生成告知书</translation>
    </message>
    <message>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最近一次</translation>
    </message>
</context>
<context>
    <name>PlatformLog</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Full sync and verify</source>
        <translation>完整同步并核对</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Running (or interrupted)</source>
        <translation>进行中（或已中断）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Partly done: work is waiting</source>
        <translation>部分完成：尚有待处理内容</translation>
    </message>
    <message>
        <source>Platform unreachable</source>
        <translation>无法连接平台</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>设备已被吊销</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>未注册</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Contacting the platform…</source>
        <translation>正在连接平台…</translation>
    </message>
    <message>
        <source>Receiving the service catalogue…</source>
        <translation>正在接收事项目录…</translation>
    </message>
    <message>
        <source>Sending the work done here…</source>
        <translation>正在上传本窗口办理的业务…</translation>
    </message>
    <message>
        <source>Sending attachments…</source>
        <translation>正在上传附件…</translation>
    </message>
    <message>
        <source>Receiving the platform&apos;s changes…</source>
        <translation>正在接收平台的更新…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>发起方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>PlatformTab</name>
    <message>
        <source>This counter</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>窗口名称</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation>受理编号前缀</translation>
    </message>
    <message>
        <source>&amp;Enroll…</source>
        <translation>注册(&amp;E)…</translation>
    </message>
    <message>
        <source>Enroll this counter</source>
        <translation>注册本窗口</translation>
    </message>
    <message>
        <source>Platform address:</source>
        <translation>平台地址：</translation>
    </message>
    <message>
        <source>Device id:</source>
        <translation>设备编号：</translation>
    </message>
    <message>
        <source>Counter name:</source>
        <translation>窗口名称：</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Receipt prefix:</source>
        <translation>受理编号前缀：</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync no&amp;w</source>
        <translation>立即同步(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Full sync and verify</source>
        <translation>完整同步并核对(&amp;F)</translation>
    </message>
    <message>
        <source>Full sync and verify</source>
        <translation>完整同步并核对</translation>
    </message>
    <message>
        <source>Download the office&apos;s data again from the platform and compare; nothing waiting is lost</source>
        <translation>从平台重新下载本单位数据并核对；待上传的内容不会丢失</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>取消同步(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the running sync</source>
        <translation>取消正在进行的同步</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>同步进度</translation>
    </message>
    <message>
        <source>The counter syncs by itself when the platform is reachable. Full sync and verify downloads the office&apos;s data again and checks that this counter holds exactly what the platform holds; what waits to be sent is kept and sent first.</source>
        <translation>平台可以连接时，本窗口会自动同步。“完整同步并核对”会重新下载本单位数据，并核对本窗口与平台的数据完全一致；待上传的内容会保留并先行上传。</translation>
    </message>
    <message>
        <source>Last syncs</source>
        <translation>最近的同步</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Not enrolled: everything is kept on this computer until it is.</source>
        <translation>尚未注册：注册前所有数据保存在本机。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The platform revoked this device on %1: enroll it again with a new code.</source>
        <translation>平台已于 %1 吊销本设备：请用新的注册码重新注册。</translation>
    </message>
    <message>
        <source>Enrolled.</source>
        <translation>已注册。</translation>
    </message>
    <message>
        <source>Enrolled with %1 (%2).</source>
        <translation>已注册到 %1（%2）。</translation>
    </message>
    <message>
        <source>The platform cannot be reached now; the counter syncs as soon as it is back.</source>
        <translation>现在无法连接平台；恢复连接后会立即同步。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Cancelling at the next safe point…</source>
        <translation>将在下一个安全节点取消…</translation>
    </message>
    <message>
        <source>sent %1, received %2, conflicts %3, refused %4</source>
        <translation>上传 %1，接收 %2，冲突 %3，被拒 %4</translation>
    </message>
    <message>
        <source>Cancelled (%1). What was sent or received stays; the next sync does the rest.</source>
        <translation>已取消（%1）。已上传或已接收的内容保留，下次同步完成其余部分。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Verified: this counter holds exactly the platform&apos;s records.</source>
        <translation>核对无误：本窗口的数据与平台完全一致。</translation>
    </message>
    <message>
        <source>Verification found differences: run Full sync and verify; if they remain, call support.</source>
        <translation>核对发现差异：请运行“完整同步并核对”；如差异仍在，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>RatingView</name>
    <message>
        <source>Rate our service</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <source>Please rate our service</source>
        <translation>请您对本次服务作出评价</translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation>您对本次服务满意吗？</translation>
    </message>
    <message>
        <source>What should we improve? (optional, choose any)</source>
        <translation>哪些方面需要改进？（选填，可多选）</translation>
    </message>
    <message>
        <source>Comments or suggestions (optional, up to %1 characters)</source>
        <translation>意见或建议（选填，最多 %1 字）</translation>
    </message>
    <message>
        <source>Comments or suggestions</source>
        <translation>意见或建议</translation>
    </message>
    <message>
        <source>Tap here to write to us</source>
        <translation>点此输入您的意见或建议</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Do not rate</source>
        <translation>不评价</translation>
    </message>
    <message>
        <source>One moment, please…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Service: %1    Receipt number: %2</source>
        <translation>办理事项：%1&#x3000;&#x3000;受理编号：%2</translation>
    </message>
    <message>
        <source>This application cannot be rated: its result has not been delivered, or it was rated or withdrawn.</source>
        <translation>该办件暂不能评价：办理结果尚未送达，或已评价、已撤回。</translation>
    </message>
    <message>
        <source>This visit has already been rated.</source>
        <translation>本次服务已评价。</translation>
    </message>
    <message>
        <source>The rating could not be opened. Please try again.</source>
        <translation>评价未能打开，请重试。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>We are sorry. Your opinion goes to the office&apos;s supervisor, who will follow it up.</source>
        <translation>给您带来不便，我们深表歉意。您的意见将转交负责人跟进整改。</translation>
    </message>
    <message>
        <source>Your rating: %1</source>
        <translation>您的评价：%1</translation>
    </message>
    <message>
        <source>This rating can no longer be given here. Please ask the clerk.</source>
        <translation>此评价已无法在此提交，请联系窗口工作人员。</translation>
    </message>
    <message>
        <source>Your rating could not be saved. Please try again.</source>
        <translation>评价未能保存，请重试。</translation>
    </message>
</context>
<context>
    <name>RectificationLabels</name>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>办事效率</translation>
    </message>
    <message>
        <source>Competence</source>
        <translation>业务能力</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
</context>
<context>
    <name>RectificationsModel</name>
    <message>
        <source>Receipt no.</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Found unsatisfactory</source>
        <translation>不满意的方面</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>RectificationsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Rectification tasks</source>
        <translation>整改任务</translation>
    </message>
    <message>
        <source>No tasks</source>
        <translation>没有任务</translation>
    </message>
    <message>
        <source>Task details</source>
        <translation>任务详情</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>整改情况(&amp;W)：</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>Up to %1 characters; the platform receives it with the closed task.</source>
        <translation>最多 %1 个字；随办结的任务同步到平台。</translation>
    </message>
    <message>
        <source>E.g. called the citizen back, explained the conditions, trained the clerk</source>
        <translation>例如：已电话回访群众，说明办理条件，并对窗口人员进行了培训</translation>
    </message>
    <message>
        <source>Problem with what was done</source>
        <translation>整改情况有误</translation>
    </message>
    <message>
        <source>&amp;Close task</source>
        <translation>办结任务(&amp;C)</translation>
    </message>
    <message>
        <source>Close task</source>
        <translation>办结任务</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Rectification tasks follow up bad ratings. They are handled by supervisors; your role does not include this.</source>
        <translation>整改任务用于跟进差评，由负责人处理；您的角色不含此项工作。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>待整改的任务</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>已超期的任务</translation>
    </message>
    <message>
        <source>Closed tasks</source>
        <translation>已办结的任务</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>待整改(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;losed</source>
        <translation>已办结(&amp;L)</translation>
    </message>
    <message>
        <source>Ov&amp;erdue</source>
        <translation>已超期(&amp;E)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No open tasks: every bad rating has been followed up.</source>
        <translation>没有待整改的任务：每条差评都已跟进。</translation>
    </message>
    <message>
        <source>No task is overdue.</source>
        <translation>没有超期的任务。</translation>
    </message>
    <message>
        <source>No task has been closed yet.</source>
        <translation>还没有办结的任务。</translation>
    </message>
    <message>
        <source>Choose a task in the list.</source>
        <translation>请在列表中选择任务。</translation>
    </message>
    <message>
        <source>Receipt no.: %1</source>
        <translation>受理编号：%1</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <source>Applicant: %1</source>
        <translation>申请人：%1</translation>
    </message>
    <message>
        <source>Rating: %1 (given %2)</source>
        <translation>评价：%1（%2 作出）</translation>
    </message>
    <message>
        <source>Found unsatisfactory: %1</source>
        <translation>不满意的方面：%1</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>评价意见：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>整改期限：%1</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1 —— 已超期</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>What was done: %1</source>
        <translation>整改情况：%1</translation>
    </message>
    <message>
        <source>on another counter</source>
        <translation>在其他窗口终端</translation>
    </message>
    <message>
        <source>Closed: %1, by %2</source>
        <translation>办结：%1，办结人 %2</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>正在办结…</translation>
    </message>
    <message>
        <source>Task closed: %1</source>
        <translation>任务已办结：%1</translation>
    </message>
    <message>
        <source>This task is already closed (here, or on another counter).</source>
        <translation>此任务已办结（在本机或其他窗口终端）。</translation>
    </message>
    <message>
        <source>Write what was done before closing the task.</source>
        <translation>请先填写整改情况，再办结任务。</translation>
    </message>
    <message>
        <source>Too long: at most %1 characters.</source>
        <translation>太长：最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>RegisterForm</name>
    <message>
        <source>Applicant type</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>18 characters, or read the ID card</source>
        <translation>18 位，或刷身份证</translation>
    </message>
    <message>
        <source>Birth date and sex from the ID number</source>
        <translation>号码中的出生日期和性别</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Name problem</source>
        <translation>姓名问题</translation>
    </message>
    <message>
        <source>ID number problem</source>
        <translation>身份证号问题</translation>
    </message>
    <message>
        <source>Credit code problem</source>
        <translation>信用代码问题</translation>
    </message>
    <message>
        <source>Representative problem</source>
        <translation>法定代表人问题</translation>
    </message>
    <message>
        <source>Mobile number problem</source>
        <translation>手机号码问题</translation>
    </message>
    <message>
        <source>Address problem</source>
        <translation>地址问题</translation>
    </message>
    <message>
        <source>Registration problem</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <source>Save applicant (Ctrl+Enter)</source>
        <translation>保存申请人（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Save applicant</source>
        <translation>保存申请人</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>取消登记</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名/名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>Credit &amp;code:</source>
        <translation>信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Re&amp;presentative:</source>
        <translation>法定代表人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>手机号(&amp;M)：</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Register a new applicant</source>
        <translation>登记新申请人</translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1 位，共 18 位</translation>
    </message>
    <message>
        <source>Born %1, %2</source>
        <translation>出生日期 %1，%2</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Rejected at</source>
        <translation>拒绝时间</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>RejectedPanel</name>
    <message>
        <source>Operations the platform rejected</source>
        <translation>平台拒绝的操作</translation>
    </message>
    <message>
        <source>S&amp;how acknowledged ones too</source>
        <translation>同时显示已确认的(&amp;H)</translation>
    </message>
    <message>
        <source>Show acknowledged ones too</source>
        <translation>同时显示已确认的</translation>
    </message>
    <message>
        <source>Rejected operation</source>
        <translation>被拒绝的操作</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Mark the operation as dealt with; it is kept and never sent again.</source>
        <translation>标记为已处理；该操作保留，不再发送。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>The platform refused these changes for good: they are kept here and never sent again. Correct the record if needed, then acknowledge the operation.</source>
        <translation>平台最终拒绝了这些修改：它们保留在这里，不再发送。如有需要请更正记录，然后确认该操作。</translation>
    </message>
    <message>
        <source>The platform has rejected no operation of this counter.</source>
        <translation>平台没有拒绝本机的任何操作。</translation>
    </message>
    <message>
        <source>Choose an operation in the list.</source>
        <translation>请在列表中选择一项操作。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>The platform&apos;s words: %1</source>
        <translation>平台原话：%1</translation>
    </message>
    <message>
        <source>The change (made at %1) set: %2</source>
        <translation>该修改（%1）涉及：%2</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2.</source>
        <translation>已由 %1 于 %2 确认。</translation>
    </message>
    <message>
        <source>Acknowledged. The operation is kept in the records.</source>
        <translation>已确认。该操作仍保留在记录中。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Give %1 a temporary password and tell it to them in person. At their next login they must choose a new one. The account is unlocked too.</source>
        <translation>为 %1 设置一个临时密码并当面告知。其下次登录时必须设置新密码。账号同时解锁。</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm temporary password</source>
        <translation>确认临时密码</translation>
    </message>
    <message>
        <source>Temporary password message</source>
        <translation>临时密码提示</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>确认密码提示</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>临时密码(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>确认(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>Decision details</source>
        <translation>决定详情</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 毫米小票</translation>
    </message>
    <message>
        <source>&amp;Print preview… (Ctrl+P)</source>
        <translation>打印预览(&amp;P)…（Ctrl+P）</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Save as P&amp;DF… (Ctrl+S)</source>
        <translation>另存为 PDF(&amp;D)…（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>New intake (Ctrl+N)</source>
        <translation>新建受理（Ctrl+N）</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>新建受理</translation>
    </message>
    <message>
        <source>Where the PDF was saved</source>
        <translation>PDF 保存位置</translation>
    </message>
    <message>
        <source>Notice problem</source>
        <translation>通知书问题</translation>
    </message>
    <message>
        <source>The notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>纸张(&amp;R)：</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>决定：%1</translation>
    </message>
    <message>
        <source>Receipt number: %1</source>
        <translation>受理编号：%1</translation>
    </message>
    <message>
        <source>Promised completion date: %1</source>
        <translation>承诺办结日期：%1</translation>
    </message>
    <message>
        <source>Pending materials due by: %1</source>
        <translation>容缺材料补交期限：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) to hand in.</source>
        <translation>
            <numerusform>需补正材料 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the notice for the applicant, or save it as a PDF.</source>
        <translation>请为申请人打印通知书，或另存为 PDF。</translation>
    </message>
    <message>
        <source>Save the notice as PDF</source>
        <translation>将通知书另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>Removes the personal data of cases closed more than the chosen number of days ago and fully synced with the platform: the ID number, phone number and address, the form values and the scanned files. An applicant&apos;s numbers are removed only when none of their cases is still kept. The cases stay in the lists and in the dashboard&apos;s figures, with the applicant&apos;s name, the status, the dates, the ratings and the rectification tasks. The platform keeps its own copy.</source>
        <translation>清除办结超过所选天数且已与平台完全同步的办件中的个人信息：证件号码、电话号码和住址、表单内容以及扫描件。只有当申请人的办件都不再保留时，才清除其证件号码等信息。办件仍保留在列表和统计数据中，包括申请人姓名、状态、日期、评价和整改任务。平台另行保存其副本。</translation>
    </message>
    <message>
        <source>&amp;Days after closing:</source>
        <translation>办结后天数(&amp;D)：</translation>
    </message>
    <message>
        <source>Days after closing</source>
        <translation>办结后天数</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Count what would be cleared</source>
        <translation>统计将清除的内容(&amp;C)</translation>
    </message>
    <message>
        <source>What would be cleared</source>
        <translation>将清除的内容</translation>
    </message>
    <message>
        <source>Re&amp;move personal data…</source>
        <translation>清除个人信息(&amp;M)…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>No case closed before %1 is waiting to be cleared.</source>
        <translation>没有 %1 之前办结、待清除的办件。</translation>
    </message>
    <message>
        <source>%1 cases, %2 applicants, %3 scan files would be cleared (cases closed before %4).</source>
        <translation>将清除 %1 件办件、%2 位申请人、%3 个扫描件（%4 之前办结的办件）。</translation>
    </message>
    <message>
        <source>Count again for these days.</source>
        <translation>请按此天数重新统计。</translation>
    </message>
    <message>
        <source>The %1 safety copies of the database kept in the backups folder (taken before an upgrade or a restore) hold the same data and are deleted too.</source>
        <translation>备份文件夹中保留的 %1 份数据库安全副本（升级或恢复前生成）含有同样的数据，也将一并删除。</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>清除个人信息</translation>
    </message>
    <message>
        <source>Remove the personal data of %1 cases and %2 applicants, and delete %3 scan files? Cases closed before %4 are concerned.</source>
        <translation>清除 %1 件办件和 %2 位申请人的个人信息，并删除 %3 个扫描件？涉及 %4 之前办结的办件。</translation>
    </message>
    <message>
        <source>This cannot be undone: the ID numbers, phone numbers, addresses, form values and scans of these cases are erased from this computer. The cases, their status, dates and ratings stay, and so do the dashboard&apos;s figures.</source>
        <translation>此操作无法撤销：这些办件的证件号码、电话号码、住址、表单内容和扫描件将从本机彻底删除。办件及其状态、日期和评价保留，统计数据不变。</translation>
    </message>
    <message>
        <source>The encrypted backups keep the data until they are deleted after the days set for backups (Admin ▸ Settings).</source>
        <translation>加密备份中的数据将保留到备份保留天数期满后删除（管理 ▸ 设置）。</translation>
    </message>
    <message>
        <source>Removing personal data… this may take a while.</source>
        <translation>正在清除个人信息……可能需要一些时间。</translation>
    </message>
    <message>
        <source>Personal data removed: %1 cases, %2 applicants, %3 scan files deleted.</source>
        <translation>个人信息已清除：%1 件办件、%2 位申请人，删除扫描件 %3 个。</translation>
    </message>
    <message>
        <source>%1 safety copies of the database deleted.</source>
        <translation>已删除 %1 份数据库安全副本。</translation>
    </message>
    <message>
        <source>%1 files could not be deleted now; the next removal deletes them.</source>
        <translation>%1 个文件暂时无法删除；下次清除时会删除。</translation>
    </message>
    <message>
        <source>Another part of the app was using the database, so some of the removed data may remain in its files until the next removal: run it again later.</source>
        <translation>程序的其他部分正在使用数据库，部分已清除的数据可能仍残留在数据库文件中，直到下次清除：请稍后再运行一次。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Counter clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
</context>
<context>
    <name>ScanPreviewDialog</name>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <source>About the scan</source>
        <translation>扫描件信息</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>PDF scans are not shown on screen here: check the paper original.</source>
        <translation>PDF 扫描件不在此显示，请核对纸质原件。</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF，共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF, pages not counted</source>
        <translation>PDF，页数未能统计</translation>
    </message>
    <message>
        <source>Scan: %1</source>
        <translation>扫描件：%1</translation>
    </message>
    <message>
        <source>The scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>This file is not a picture that can be shown.</source>
        <translation>该文件不是可显示的图片。</translation>
    </message>
</context>
<context>
    <name>ScansDialog</name>
    <message>
        <source>&amp;Remove… (Del)</source>
        <translation>删除(&amp;R)…（Del）</translation>
    </message>
    <message>
        <source>&amp;View (Enter)</source>
        <translation>查看(&amp;V)（回车）</translation>
    </message>
    <message>
        <source>A scan attached by mistake can be removed until the decision, as long as it has not been sent to the platform yet.</source>
        <translation>误添加的扫描件在作出受理决定前、且尚未上传至平台时可以删除。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>No scan is attached to this material.</source>
        <translation>该材料没有扫描件。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove %1? It is deleted from this computer.</source>
        <translation>删除 %1？将从本机删除。</translation>
    </message>
    <message>
        <source>Remove scan</source>
        <translation>删除扫描件</translation>
    </message>
    <message>
        <source>Remove the scan</source>
        <translation>删除扫描件</translation>
    </message>
    <message>
        <source>Scan problem</source>
        <translation>扫描件问题</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>扫描件状态</translation>
    </message>
    <message>
        <source>Scans attached</source>
        <translation>已添加的扫描件</translation>
    </message>
    <message>
        <source>Scans of %1</source>
        <translation>“%1”的扫描件</translation>
    </message>
    <message>
        <source>View the scan</source>
        <translation>查看扫描件</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>Search services</source>
        <translation>查找事项</translation>
    </message>
    <message>
        <source>Name in Chinese, pinyin initials (zdsh) or code</source>
        <translation>事项名称、拼音首字母（如 zdsh）或编码</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>事项详情</translation>
    </message>
    <message>
        <source>Service message</source>
        <translation>事项提示</translation>
    </message>
    <message>
        <source>&amp;Find the service:</source>
        <translation>查找事项(&amp;F)：</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Choose a service from the list.</source>
        <translation>请从列表中选择事项。</translation>
    </message>
    <message>
        <source>No service matches. Try fewer characters or the pinyin initials.</source>
        <translation>没有匹配的事项。请少输几个字，或改用拼音首字母。</translation>
    </message>
    <message>
        <source>fee %1 yuan</source>
        <translation>收费 %1 元</translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation>不收费</translation>
    </message>
    <message>
        <source>%1 · %2 · promised: %3 (legal limit: %4) · %5 · mandatory materials: %6 · form fields: %7</source>
        <translation>%1 · %2 · 承诺时限：%3（法定时限：%4）· %5 · 必要材料：%6 项 · 表单项：%7 项</translation>
    </message>
    <message>
        <source>The services could not be read; press Enter to try again. %1</source>
        <translation>未能读取事项目录，按回车键重试。%1</translation>
    </message>
</context>
<context>
    <name>ServicesModel</name>
    <message>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>事项类型</translation>
    </message>
    <message>
        <source>Promised time</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>实施编码</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Office name on notices</source>
        <translation>告知书上的单位名称</translation>
    </message>
    <message>
        <source>The name given when this counter was enrolled</source>
        <translation>注册本窗口时使用的名称</translation>
    </message>
    <message>
        <source>Contact line on notices</source>
        <translation>告知书上的联系方式</translation>
    </message>
    <message>
        <source>Address and telephone, e.g. 人民路1号 电话 0791-86000000</source>
        <translation>地址和电话，例如：人民路1号 电话 0791-86000000</translation>
    </message>
    <message>
        <source>Lock the screen after minutes without use</source>
        <translation>无操作多少分钟后锁屏</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Keep daily backups for days</source>
        <translation>每日备份保留天数</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Keep personal data of finished cases for days</source>
        <translation>已办结办件个人信息的保留天数</translation>
    </message>
    <message>
        <source>Printer for notices</source>
        <translation>打印告知书的打印机</translation>
    </message>
    <message>
        <source>Paper for notices</source>
        <translation>告知书纸张</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 毫米小票</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>设置问题</translation>
    </message>
    <message>
        <source>&amp;Office name on notices:</source>
        <translation>告知书上的单位名称(&amp;O)：</translation>
    </message>
    <message>
        <source>Con&amp;tact line on notices:</source>
        <translation>告知书上的联系方式(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after:</source>
        <translation>无操作锁屏时间(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>备份文件夹(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Keep daily backups for:</source>
        <translation>每日备份保留(&amp;K)：</translation>
    </message>
    <message>
        <source>Keep personal &amp;data for:</source>
        <translation>个人信息保留(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>打印机(&amp;P)：</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>纸张(&amp;R)：</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>The office&apos;s settings apply to every counter of this office profile. The retention period says how long the personal data of finished cases is kept before it may be removed.</source>
        <translation>单位设置适用于本单位档案的所有窗口。保留期限指已办结办件的个人信息可以清除前须保留的时间。</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>%1 (not installed on this computer)</source>
        <translation>%1（本机未安装）</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>设置未保存：%1</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>请输入 %1 到 %2 之间的数。</translation>
    </message>
    <message>
        <source>Enter the folder&apos;s full path (for example D:\Backups or /media/usb/backups).</source>
        <translation>请输入文件夹的完整路径（例如 D:\Backups 或 /media/usb/backups）。</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <source>Write this on one line.</source>
        <translation>请写在一行内。</translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation>无法读取设置：%1</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>This is the only active administrator: make another account an administrator first.</source>
        <translation>这是唯一的在用管理员：请先将另一个账号设为管理员。</translation>
    </message>
    <message>
        <source>The only active administrator cannot be locked: the office would have none.</source>
        <translation>不能锁定唯一的在用管理员，否则本单位将没有管理员。</translation>
    </message>
    <message>
        <source>Change your own password with your current one, not by a reset.</source>
        <translation>修改自己的密码请使用当前密码，不要用重置。</translation>
    </message>
    <message>
        <source>The display name is too long.</source>
        <translation>显示名称过长。</translation>
    </message>
    <message>
        <source>Enter the name colleagues know this person by.</source>
        <translation>请输入同事熟知的此人姓名。</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active (must change password)</source>
        <translation>在用（须修改密码）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last failed attempt: %1</source>
        <translation>最近一次失败：%1</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a staff account</source>
        <translation>添加工作人员账号</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected account</source>
        <translation>编辑选中的账号</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>重置密码(&amp;W)…</translation>
    </message>
    <message>
        <source>Reset the selected account&apos;s password</source>
        <translation>重置选中账号的密码</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Lock or unlock the selected account</source>
        <translation>锁定或解锁选中的账号</translation>
    </message>
    <message>
        <source>Staff message</source>
        <translation>人员提示</translation>
    </message>
    <message>
        <source>The office&apos;s staff accounts. A forgotten password is reset to a temporary one, which its owner must change at the next login. An account locks itself after repeated wrong passwords; unlock it here.</source>
        <translation>本单位的工作人员账号。忘记的密码可重置为临时密码，账号本人下次登录时必须修改。多次输错密码后账号会自动锁定，可在此解锁。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>已添加账号 %1。</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>已保存账号 %1。</translation>
    </message>
    <message>
        <source>The password of %1 was reset. They choose a new one at their next login.</source>
        <translation>%1 的密码已重置，其下次登录时将设置新密码。</translation>
    </message>
    <message>
        <source>Account %1 locked.</source>
        <translation>账号 %1 已锁定。</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>账号 %1 已解锁。</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add a staff account</source>
        <translation>添加工作人员账号</translation>
    </message>
    <message>
        <source>Edit a staff account</source>
        <translation>编辑工作人员账号</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>the name shown to colleagues, e.g. 王芳</source>
        <translation>同事看到的姓名，例如：王芳</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>User name message</source>
        <translation>用户名提示</translation>
    </message>
    <message>
        <source>Display name message</source>
        <translation>显示名称提示</translation>
    </message>
    <message>
        <source>Role message</source>
        <translation>角色提示</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>密码提示</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>确认密码提示</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>_StaffDialog</name>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
