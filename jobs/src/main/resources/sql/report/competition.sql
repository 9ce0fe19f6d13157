-- report.`赛马得分`: one row per scoring scheme, month and county: the competition's total score
-- (基础得分 plus 进位加分, the bonus for places climbed), its ranks in the province and in the
-- county's group, and the places gained since the month before (排名变化, positive: climbed).
SELECT
  scheme AS `方案`,
  period AS `月份`,
  region_code AS `县市区代码`,
  region_name AS `县市区`,
  competition_group AS `组别`,
  base_score AS `基础得分`,
  progress_bonus AS `进位加分`,
  total_score AS `总分`,
  rank AS `全省排名`,
  rank_in_group AS `组内排名`,
  n_ranked AS `参与排名数`,
  rank_change AS `排名变化`
FROM gold.competition_ranking
