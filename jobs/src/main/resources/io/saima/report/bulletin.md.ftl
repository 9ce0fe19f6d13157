<#-- A short text for messaging apps: the headline, the targets, the ranks, what to watch. -->
<#macro phrase p><#list p.pieces() as x><#if x.figure()??>${x.figure().text()}<#else>${x.text()}</#if></#list></#macro>
# ${b.regionName()}商务运行简报（${b.periodLabel()}）

<#list b.summary() as p>
- <@phrase p/>
</#list>

**目标进度**
<#list b.headlines() as h><#list h.targets() as t>
- ${t.indicatorLabel()}（目标 <@phrase t.goal()/>）：<@phrase t.verdict()/>
</#list></#list>

**赛马排名**
<#list b.leagues() as l><#if l.id()?starts_with("score-")><#list l.rows() as r><#if r.home()>
- ${l.title()}：第 ${r.rank().text()} 位（共 ${l.nRanked()?c} 个），${r.value().text()} 分，较上月 ${r.rankChange().text()}<#list l.gaps() as g><#if g?index == 0>；<@phrase g/></#if></#list>
</#if></#list></#if></#list>
<#list b.simulations().ranks() as r>
- 年末位次预测（${r.schemeLabel()}）：最可能第 ${r.mostLikely().text()} 位，10%–90% 区间第 ${r.p10().text()}–${r.p90().text()} 位
</#list>
<#list b.simulations().probabilities() as p><#if p.targetName() == "全年红">
- ${p.indicatorLabel()}全年红（<@phrase p.goal()/>）实现概率 ${p.probability().text()}%
</#if></#list>

**镇（街道）**
<#list b.unitBoards() as u><#if u?index lt 2>
- ${u.title()}：金牌 <#list u.rows()?filter(r -> r.badge() == "gold") as r>${r.name()}<#sep>、</#list>；蜗牛 <#list u.rows()?filter(r -> r.badge() == "snail") as r>${r.name()}<#sep>、</#list>
</#if></#list>

**企业监测**：经营异常 ${b.watchTotal()?c} 家；预警 ${b.alerts()?size?c} 条。

数据截至 ${b.periodLabel()}，详见 bulletin.html / 简报.docx。
