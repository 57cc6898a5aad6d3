"""Honoured collectives (issue 11): units in lists, grids and honouring frames are found whatever their
last word; awarding bodies, organisers, sources, places and people's units are not. Invented units."""

from extract.collectives import find_collectives_vi, find_collectives_zh
from extract.lexicon import lexicon
from extract.text import honours


def zh(text: str, people: frozenset[str] = frozenset()) -> list[str]:
    lex = lexicon()
    return [c.name for c in find_collectives_zh(text, lex, honours(text, lex, "zh"), set(people))]


def vi(text: str) -> list[str]:
    return [c.name for c in find_collectives_vi(text, honours(text, lexicon(), "vi"))]


def test_a_list_of_varied_unit_types():
    found = zh("县委、县政府决定，授予青禾农业开发有限公司、东坪镇卫生院、石岭村、梨乡食品厂包装车间、"
               "县人力资源和社会保障局就业促进科、柳河派出所、果农专业合作社、县供电公司抢修班组等8个单位“先进集体”称号。")  # fmt: skip
    assert found == [
        "青禾农业开发有限公司", "东坪镇卫生院", "石岭村", "梨乡食品厂包装车间",
        "县人力资源和社会保障局就业促进科", "柳河派出所", "果农专业合作社", "县供电公司抢修班组",
    ]  # fmt: skip


def test_short_names_in_lists_labels_and_naming_frames():
    assert zh("命名档案科、县审计局、东坪镇敬老院为“优秀服务窗口”。") == [
        "档案科",
        "县审计局",
        "东坪镇敬老院",
    ]
    assert zh("一、卓越奖：工务处、卫生局\n二、最美家庭：孟青华家庭、谢玉娟家庭\n") == [
        "工务处", "卫生局", "孟青华家庭", "谢玉娟家庭",
    ]  # fmt: skip


def test_a_grid_of_units_separated_by_spaces():
    text = "“工人先锋号”（4个）\n县交警大队城区中队　县一高化学教研组 远襄镇财政所  惠济乡综合服务中心\n"
    assert zh(text) == ["县交警大队城区中队", "县一高化学教研组", "远襄镇财政所", "惠济乡综合服务中心"]


def test_counted_units_with_a_title_between_and_units_joined_by_he():
    assert zh("而在航天动力“神箭”团队等22个“最美奋斗者”集体中，也有本省人。") == ["航天动力“神箭”团队"]
    assert zh("获得表彰的还有刑事审判庭和行政处两个先进党支部。") == ["刑事审判庭", "行政处"]


def test_awarding_bodies_organisers_sources_and_places_are_not_honoured():
    text = ("据青川县融媒体中心报道，由青川县委宣传部、县文明办、县总工会、团县委、县妇联联合主办的“最美集体”颁奖仪式"
            "在县文化艺术中心举行。县委宣传部、县文明办决定，授予青川县蓝天救援队“最美集体”称号。"
            "县第二人民医院急诊科护士长齐晓红获评“最美志愿者”。青川县总工会《关于表彰…的决定》同时印发。\n"
            "中共青川县委宣传部\n2024年12月5日")  # fmt: skip
    assert zh(text, frozenset({"齐晓红"})) == ["青川县蓝天救援队"]


def test_a_unit_followed_by_a_position_is_a_persons_unit():
    assert zh("晋阳市总工会党组书记彭培华被授予“优秀工会工作者”称号；东华公司工会委员会等35家基层工会荣获“模范职工之家”称号。") == [
        "东华公司工会委员会"
    ]  # fmt: skip


def test_words_that_only_look_like_units():
    assert zh("航天科技集团、北方重工集团荣获“先进集体”称号。") == ["航天科技集团", "北方重工集团"]
    assert zh("授予航天科技、北方重工、中心大局“先进集体”称号。") == []  # 科技, 大局: no 科, no 局
    assert zh("宝川县总工会荣获“学习型组织先进班组”称号。") == [
        "宝川县总工会"
    ]  # a title in quotes is no unit
    assert zh("颁奖活动还设立了优秀公益社团、昔川好少年、昔川好家庭等奖项。") == []  # a list of titles


def test_the_last_lines_above_a_date_sign_the_page_but_a_long_list_keeps_its_units():
    names = "县医院妇产科\n城关街道东关社区居民委员会\n县第一实验小学语文教研组\n石坡镇核桃种植专业合作社\n"
    text = "全县“三八红旗集体”名单（4个）\n" + names + "洛川县妇女联合会\n2023年3月6日"
    assert zh(text) == names.split()


def test_vietnamese_dashed_lines_tap_the_and_lower_case_heads():
    text = ("Chủ tịch UBND huyện Đức Thọ ký Quyết định tặng Giấy khen cho 3 tập thể, gồm:\n- Tổ Toán - Tin, Trường THCS Tùng Ảnh;\n"
            "- Phòng Tư pháp huyện;\n- Hợp tác xã dịch vụ nông nghiệp Yên Hồ.\nTập thể Ban Quản lý chợ Trổ được tặng Bằng khen; "
            "tổ Ngữ văn và tổ Lịch sử được Công đoàn ngành Giáo dục huyện tặng giấy khen.")  # fmt: skip
    assert vi(text) == [
        "Tổ Toán - Tin", "Phòng Tư pháp huyện", "Hợp tác xã dịch vụ nông nghiệp Yên Hồ",
        "Ban Quản lý chợ Trổ", "tổ Ngữ văn", "tổ Lịch sử",
    ]  # fmt: skip


def test_vietnamese_places_peoples_units_and_look_alikes_are_not_honoured():
    assert (
        vi(
            "UBND tỉnh tặng Bằng khen cho các Bà mẹ: Đặng Thị Lý quê ở xã Ngọc Sơn, Lê Thị Xin quê ở xã Trung Sơn."
        )
        == []
    )
    assert (
        vi("Anh Quách Văn Hùng, công nhân Công ty TNHH Dịch vụ công ích quận 5 vừa được tặng Bằng khen.")
        == []
    )
    assert vi("Em được tặng Giấy khen vì đạt giải nhì cuộc thi Khoa học kỹ thuật cấp ngành.") == []
    assert vi("Dịp này, Liên đoàn Lao động tỉnh tặng Bằng khen cho 5 tập thể.") == []


def test_counted_units_of_any_kind_and_bodies_after_bei():
    found = zh("决定授予溪口镇等21个村镇文明村镇称号，授予桐川市第三中学等14所学校文明校园称号。\n"
               "桐川市水务集团检测中心、桐川港务有限公司(原港埠公司)等8家单位被省总工会授予省五一劳动奖状。")  # fmt: skip
    assert found == ["溪口镇", "桐川市第三中学", "桐川市水务集团检测中心", "桐川港务有限公司"]
    assert zh("记者从市总工会获悉，全市共有245个单位参评，其中枫林街道6个社区参评。") == []


def test_joined_subjects_and_a_list_glued_to_its_verb():
    assert zh("桐川钢铁集团轧钢厂和桐川市燃气(集团)有限公司均获得省五一劳动奖状。") == [
        "桐川钢铁集团轧钢厂", "桐川市燃气(集团)有限公司",
    ]  # fmt: skip
    assert zh("南屿区人民医院急诊科、东湖镇中心卫生院当选“青年文明号标兵”。") == [
        "南屿区人民医院急诊科", "东湖镇中心卫生院",
    ]  # fmt: skip


def test_vietnamese_gom_lists_keep_an_items_first_unit():
    text = ("Chủ tịch nước trao danh hiệu Anh hùng cho 3 tập thể, gồm: Binh đoàn 17 (Bộ Quốc phòng), "
            "Cục Kỹ thuật công binh (Bộ Tổng Tham mưu); Thanh tra Bộ Quốc phòng.\nHai đơn vị được phong tặng "
            "danh hiệu Anh hùng Lao động gồm Viện Nông nghiệp Duyên hải, Tập đoàn Nông sản Việt, Bộ Nông nghiệp; "
            "Bệnh viện Đa khoa Sông Lam.")  # fmt: skip
    assert vi(text) == [
        "Binh đoàn 17", "Cục Kỹ thuật công binh", "Thanh tra Bộ Quốc phòng",
        "Viện Nông nghiệp Duyên hải", "Bệnh viện Đa khoa Sông Lam",
    ]  # fmt: skip


def test_units_listed_across_clauses_and_counted_lists():
    """Groups parted by ；or ，with a lone unit between them, a count with spaces, a family closing the text."""
    assert zh("入选的分别是：沐川县禾丰镇石泉村、禾丰镇柳湾村；岭西区春晖社区；澄溪县云集镇陶家村等4个村(社区)。") == [
        "沐川县禾丰镇石泉村", "禾丰镇柳湾村", "岭西区春晖社区", "澄溪县云集镇陶家村",
    ]  # fmt: skip
    assert zh("授予市第四人民医院产科护理组等 30 个单位“巾帼文明岗”称号。共评选出唐秋明家庭等50户") == [
        "市第四人民医院产科护理组", "唐秋明家庭",
    ]  # fmt: skip


def test_units_that_stand_for_others_are_not_honoured():
    """Units whose people visit, a body set up, a group whose own units won, kinds of families, a title."""
    assert zh("市委办、市委宣传部、市文化局等市直机关单位、区属基层单位等300余人参观了“劳动模范”展览。") == []
    assert zh("组建了由各相关单位参加的综合评估小组，评选“文明单位”。") == []
    assert zh("青禾集团5个集体荣获“先进集体”称号，7名个人荣获“劳动模范”称号。") == []
    assert zh("荣登“最美家庭”榜的，有几世同堂、孝老爱亲家庭，有夫妻和睦、相携进步家庭。") == []
    assert zh("展现了雷青根家庭、李麦香家庭、徐海生家庭坚守家风的故事，他们获评“最美家庭”。") == [
        "雷青根家庭", "李麦香家庭", "徐海生家庭",
    ]  # fmt: skip
    assert zh("我市入选第二批省级民主法治示范村(社区)的是：平城区新世纪社区、开源街道民富社区") == [
        "平城区新世纪社区", "开源街道民富社区",
    ]  # fmt: skip


def test_short_names_sharing_the_last_unit_word_are_named_with_it():
    text = "本届社区评鉴中,石门、下埤及东溪社区获评优良社区。"
    lex = lexicon()
    found = {c.name: c for c in find_collectives_zh(text, lex, honours(text, lex, "zh"), set())}
    assert {"下埤社区", "东溪社区"} <= set(found)
    a, b = found["下埤社区"].span
    assert text[a:b] == "下埤"  # the page's form: `honours extract` writes it as `as_written`


def test_bodies_giving_or_going_to_others_and_peoples_places_are_not_honoured():
    """Round 15: bodies that give to others (为…送上, 给…颁发), go somewhere (会同…等部门来到), publish together
    (…等联合下发) or speak through their leaders (…相关领导); a place before a person's name on its line."""
    assert zh("县人武部、县退役军人事务局为6名荣立三等功的军人家属送上喜报，授予“拥军模范”。") == []
    assert zh("县文明办、县教育局、县妇联、崇阳日报社等联合下发通知，评选“先进集体”。") == []
    assert zh("县人武部会同某部队、县退役军人事务局等部门来到青山镇，送去“先进集体”喜报。") == []
    assert zh("青川县关工委、县文明办在县会堂召开“先进集体”表彰会。") == []
    text = "内政部113年特优村长:\n六脚乡 蒜头村 黄秋凤 村长\n东石乡 猿树村 林金榜 村长\n"
    assert zh(text, frozenset({"黄秋凤", "林金榜"})) == []
    assert zh("竹崎乡灯台村“好媳妇” 罗美娇说，“先进集体”也来了。", frozenset({"罗美娇"})) == []


def test_look_alikes_and_a_lone_unit_word_among_things():
    assert zh("以良好的家风来推动文明村风，助力“文明村镇”建设，展示身边最美庭院，来到村委大院。") == []
    assert zh("开展园艺疗法、手工编织、康复商店、书法练习等“先进集体”活动。") == []
    assert zh("表彰了涌现出的先进班组，泰州动力机械厂多缸机体三班被授予“王振式模范班组”称号。") == [
        "泰州动力机械厂多缸机体三班"
    ]


def test_vietnamese_units_parted_by_semicolons_and_named_twice():
    assert vi(
        "khen thưởng đột xuất cho Công an thị xã An Nhơn; Đội Cảnh sát giao thông (CSGT) Phú Tài, "
        "Đội Tuần tra kiểm soát trực thuộc Phòng CSGT, Công an tỉnh Bình Định vì đã truy bắt nhóm đua xe."
    ) == ["Công an thị xã An Nhơn", "Đội Cảnh sát giao thông (CSGT) Phú Tài", "Đội Tuần tra kiểm soát"]
    assert vi("Chủ tịch UBND tỉnh tặng Bằng khen cho nam sinh Trường THPT Tây Sơn vì đã cứu người.") == []
    assert vi(
        "Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Kon Tum tổ chức lễ đón nhận Cờ thi đua. "
        "Bộ Chỉ huy BĐBP tỉnh Kon Tum được Bộ Quốc phòng tặng Bằng khen."
    ) == ["Bộ Chỉ huy BĐBP tỉnh Kon Tum"]
