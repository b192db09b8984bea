"""Deterministic fake citizens and organisations for demo and benchmark data.

Everything is drawn from one ``random.Random(seed)``: the same seed and reference date give the
same sequence on every machine and every day. The data look real but are not: names are common
surnames and given-name characters, region codes are real county-level codes (GB/T 2260) with
their province/city/county names, town and village names are made up.

Uniqueness of resident ID numbers: the generator keeps one counter per (county, birth date, sex)
in a ``bytearray`` (about 10 MB, allocated on the first person) and gives the k-th person of that
combination the k-th entry of a fixed permutation of the sequence codes of that sex (odd codes
001-999 for men, even codes 002-998 for women). Two people therefore never share a number within
one generator, however many are made; when a combination is used up (more than 255 people of one
county, birth date and sex) the county and date are drawn again. Unified social credit codes are
kept unique with a set (organisations are few).
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from counter_app.ids import RESIDENT_ID_CHECK_CHARS, RESIDENT_ID_WEIGHTS, USCC_ALPHABET, uscc_check_char

__all__ = ["DEFAULT_REFERENCE_DATE", "FakeOrganisation", "FakePerson", "PeopleGenerator"]

# Fixed, so that a seed means the same people on every day; ages are counted from this date.
DEFAULT_REFERENCE_DATE = date(2025, 1, 1)


@dataclass(frozen=True, slots=True)
class FakePerson:
    name: str
    sex: str  # "male" | "female"
    birth_date: date
    resident_id: str
    mobile: str
    address: str


@dataclass(frozen=True, slots=True)
class FakeOrganisation:
    name: str
    uscc: str
    kind: str  # "cooperative" | "company" | "individual_business"
    legal_representative: FakePerson
    mobile: str
    address: str


# --- reference data --------------------------------------------------------------------------------

# Real county-level divisions: (province, city, {code: county}).
_REGIONS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("河北省", "保定市", {
        "130623": "涞水县", "130624": "阜平县", "130626": "定兴县", "130627": "唐县", "130628": "高阳县",
        "130629": "容城县", "130630": "涞源县", "130631": "望都县", "130632": "安新县", "130633": "易县",
        "130634": "曲阳县", "130635": "蠡县", "130636": "顺平县", "130637": "博野县", "130638": "雄县",
    }),
    ("黑龙江省", "绥化市", {
        "231221": "望奎县", "231222": "兰西县", "231223": "青冈县", "231224": "庆安县", "231225": "明水县",
        "231226": "绥棱县",
    }),
    ("安徽省", "阜阳市", {"341221": "临泉县", "341222": "太和县", "341225": "阜南县", "341226": "颍上县"}),
    ("安徽省", "六安市", {"341522": "霍邱县", "341523": "舒城县", "341524": "金寨县", "341525": "霍山县"}),
    ("福建省", "福州市", {
        "350121": "闽侯县", "350122": "连江县", "350123": "罗源县", "350124": "闽清县", "350125": "永泰县",
    }),
    ("福建省", "南平市", {
        "350721": "顺昌县", "350722": "浦城县", "350723": "光泽县", "350724": "松溪县", "350725": "政和县",
    }),
    ("江西省", "赣州市", {
        "360722": "信丰县", "360723": "大余县", "360724": "上犹县", "360725": "崇义县", "360726": "安远县",
        "360728": "定南县", "360729": "全南县", "360730": "宁都县", "360731": "于都县", "360732": "兴国县",
        "360733": "会昌县", "360734": "寻乌县", "360735": "石城县",
    }),
    ("山东省", "临沂市", {
        "371321": "沂南县", "371322": "郯城县", "371323": "沂水县", "371324": "兰陵县", "371325": "费县",
        "371326": "平邑县", "371327": "莒南县", "371328": "蒙阴县", "371329": "临沭县",
    }),
    ("山东省", "菏泽市", {
        "371721": "曹县", "371722": "单县", "371723": "成武县", "371724": "巨野县", "371725": "郓城县",
        "371726": "鄄城县", "371728": "东明县",
    }),
    ("河南省", "洛阳市", {
        "410323": "新安县", "410324": "栾川县", "410325": "嵩县", "410326": "汝阳县", "410327": "宜阳县",
        "410328": "洛宁县", "410329": "伊川县",
    }),
    ("河南省", "周口市", {
        "411621": "扶沟县", "411622": "西华县", "411623": "商水县", "411624": "沈丘县", "411625": "郸城县",
        "411627": "太康县", "411628": "鹿邑县",
    }),
    ("河南省", "驻马店市", {
        "411721": "西平县", "411722": "上蔡县", "411723": "平舆县", "411724": "正阳县", "411725": "确山县",
        "411726": "泌阳县", "411727": "汝南县", "411728": "遂平县", "411729": "新蔡县",
    }),
    ("湖南省", "衡阳市", {
        "430421": "衡阳县", "430422": "衡南县", "430423": "衡山县", "430424": "衡东县", "430426": "祁东县",
    }),
    ("湖南省", "岳阳市", {"430621": "岳阳县", "430623": "华容县", "430624": "湘阴县", "430626": "平江县"}),
    ("湖南省", "常德市", {
        "430721": "安乡县", "430722": "汉寿县", "430723": "澧县", "430724": "临澧县", "430725": "桃源县",
        "430726": "石门县",
    }),
    ("广西壮族自治区", "桂林市", {
        "450321": "阳朔县", "450323": "灵川县", "450324": "全州县", "450325": "兴安县", "450326": "永福县",
        "450327": "灌阳县",
    }),
    ("四川省", "泸州市", {"510521": "泸县", "510522": "合江县", "510524": "叙永县", "510525": "古蔺县"}),
    ("四川省", "绵阳市", {"510722": "三台县", "510723": "盐亭县", "510725": "梓潼县"}),
    ("四川省", "南充市", {
        "511321": "南部县", "511322": "营山县", "511323": "蓬安县", "511324": "仪陇县", "511325": "西充县",
    }),
    ("贵州省", "遵义市", {
        "520322": "桐梓县", "520323": "绥阳县", "520324": "正安县", "520327": "凤冈县", "520328": "湄潭县",
        "520329": "余庆县", "520330": "习水县",
    }),
    ("云南省", "曲靖市", {
        "530322": "陆良县", "530323": "师宗县", "530324": "罗平县", "530325": "富源县", "530326": "会泽县",
    }),
    ("甘肃省", "天水市", {"620521": "清水县", "620522": "秦安县", "620523": "甘谷县", "620524": "武山县"}),
)  # fmt: skip

# Common surnames with their approximate share of the population (per mille), plus a few rare
# two-character surnames.
_SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 72.5), ("李", 71.9), ("张", 68.3), ("刘", 53.8), ("陈", 45.3), ("杨", 30.8), ("黄", 22.3),
    ("赵", 21.1), ("吴", 20.5), ("周", 18.9), ("徐", 16.7), ("孙", 15.4), ("马", 14.4), ("朱", 12.8),
    ("胡", 12.2), ("郭", 11.5), ("何", 11.0), ("林", 10.7), ("高", 10.7), ("罗", 9.5), ("郑", 9.3),
    ("梁", 8.8), ("谢", 7.6), ("宋", 7.1), ("唐", 7.0), ("许", 6.6), ("韩", 6.5), ("冯", 6.2),
    ("邓", 6.1), ("曹", 6.0), ("彭", 5.7), ("曾", 5.5), ("肖", 5.4), ("田", 5.2), ("董", 5.1),
    ("潘", 4.9), ("袁", 4.9), ("蔡", 4.6), ("蒋", 4.6), ("余", 4.5), ("于", 4.4), ("杜", 4.3),
    ("叶", 4.2), ("程", 4.1), ("魏", 4.0), ("苏", 3.9), ("吕", 3.9), ("丁", 3.8), ("任", 3.7),
    ("卢", 3.6), ("姚", 3.6), ("沈", 3.5), ("钟", 3.5), ("姜", 3.4), ("崔", 3.3), ("谭", 3.2),
    ("陆", 3.2), ("范", 3.1), ("汪", 3.1), ("廖", 3.0), ("石", 3.0), ("金", 2.9), ("韦", 2.9),
    ("贾", 2.8), ("夏", 2.7), ("付", 2.6), ("方", 2.6), ("邹", 2.5), ("熊", 2.5), ("白", 2.5),
    ("孟", 2.4), ("秦", 2.4), ("邱", 2.3), ("侯", 2.3), ("江", 2.2), ("尹", 2.2), ("薛", 2.1),
    ("闫", 2.1), ("段", 2.0), ("雷", 2.0), ("龙", 1.9), ("黎", 1.9), ("史", 1.9), ("陶", 1.8),
    ("贺", 1.8), ("毛", 1.7), ("郝", 1.7), ("顾", 1.7), ("龚", 1.6), ("邵", 1.6), ("万", 1.5),
    ("覃", 1.5), ("武", 1.5), ("钱", 1.5), ("戴", 1.4), ("严", 1.4), ("莫", 1.3), ("孔", 1.3),
    ("向", 1.2), ("常", 1.2), ("汤", 1.2), ("康", 1.1), ("易", 1.1), ("乔", 1.0), ("赖", 1.0),
    ("文", 1.0), ("施", 0.9), ("洪", 0.9), ("牛", 0.9), ("庞", 0.8), ("樊", 0.8), ("殷", 0.7),
    ("欧阳", 0.30), ("司马", 0.05), ("诸葛", 0.04), ("上官", 0.04), ("皇甫", 0.03), ("司徒", 0.03),
    ("令狐", 0.02), ("慕容", 0.01),
)  # fmt: skip

_MALE_CHARS = (
    "伟强军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰磊建国志文海东成亮晨博轩睿泽"
    "然昊天宏德福贵春生永兴庆家忠诚毅刚正阳光荣新卫红斌杰振宝金山松柏江河彬锋豪鸿达彦铭"
)
_FEMALE_CHARS = (
    "芳娜敏静丽艳娟霞秀英燕玲桂兰萍红梅琳雪婷颖慧佳欣怡雨萱梓涵诗琪晶倩洁莉丹玉珍凤春华秋月"
    "彩云霏露瑶嘉琳璐菲妍悦蕾薇淑惠巧美娇翠素雅雯馨宁晓青荷莲"
)
_PLACE_FIRST = "东西南北中上下大小新老长白青黄红石金马龙凤桃李杨柳松竹梅花水山河湖塘坪坝岭岗"
_PLACE_SECOND = "山河湖塘坪坝岭岗桥洲溪冲田湾庄家园林泉口沟峪集寺店铺堡营"
_TOWN_SUFFIXES = ("镇", "镇", "镇", "乡")
_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
_MOBILE_PREFIXES = tuple(
    str(p)
    for p in (
        *range(130, 140),
        150, 151, 152, 153, 155, 156, 157, 158, 159,
        *range(180, 190),
        191, 193, 195, 196, 197, 198, 199,
    )
)  # fmt: skip
_COOP_TRADES = (
    "水稻种植", "蔬菜种植", "果蔬种植", "茶叶种植", "中药材种植", "食用菌种植", "柑橘种植", "油茶种植",
    "生猪养殖", "肉牛养殖", "家禽养殖", "水产养殖", "农机服务", "土地股份", "粮食种植",
)  # fmt: skip
_COMPANY_TRADES = (
    "农业科技", "农产品贸易", "建材", "物流", "电子商务", "餐饮管理", "建筑工程", "商贸", "食品", "机械",
)  # fmt: skip
_SHOP_TRADES = ("便利店", "农资店", "小吃店", "五金店", "理发店", "日用品店", "粮油店", "修理部")
_BRAND_CHARS = "兴旺丰泰盛隆鑫源绿康宏达恒福瑞祥金华富民安顺和信诚嘉益农"

# Resident ID sequence codes: odd 001-999 for men, even 002-998 for women.
_SEQ_BY_SEX = (tuple(range(2, 1000, 2)), tuple(range(1, 1000, 2)))  # index 0 = female, 1 = male
_MAX_PER_SLOT = 255  # counters are bytes


def _weighted_sum(digits: str, offset: int) -> int:
    return sum(int(ch) * RESIDENT_ID_WEIGHTS[offset + i] for i, ch in enumerate(digits))


class PeopleGenerator:
    """Makes a reproducible stream of fake people and organisations.

    ``seed`` fixes the sequence; ``reference_date`` (default :data:`DEFAULT_REFERENCE_DATE`, a
    fixed date so the output does not change from day to day) is the "today" against which ages
    ``min_age``..``max_age`` (inclusive) are counted.
    """

    def __init__(
        self,
        seed: int,
        *,
        reference_date: date = DEFAULT_REFERENCE_DATE,
        min_age: int = 18,
        max_age: int = 90,
    ) -> None:
        if not 0 <= min_age <= max_age:
            raise ValueError("need 0 <= min_age <= max_age")
        self._rng = random.Random(seed)
        self._random = self._rng.random

        # Counties: code, weighted sum of the code, address prefix, county name.
        regions = [
            (code, _weighted_sum(code, 0), f"{province}{city}{county}", county)
            for province, city, counties in _REGIONS
            for code, county in counties.items()
        ]
        self._region_codes = [r[0] for r in regions]
        self._region_sums = [r[1] for r in regions]
        self._region_prefixes = [r[2] for r in regions]
        self._region_counties = [r[3] for r in regions]

        # Birth dates: born after (reference - (max_age + 1) years), up to (reference - min_age years).
        latest = _years_before(reference_date, min_age)
        earliest = _years_before(reference_date, max_age + 1) + timedelta(days=1)
        n_days = (latest - earliest).days + 1
        self._dates = [earliest + timedelta(days=i) for i in range(n_days)]
        self._date_digits = [f"{d.year:04d}{d.month:02d}{d.day:02d}" for d in self._dates]
        # Weighted sum of YYYYMMDD = sum over YYYY + sum over MMDD: a few hundred distinct parts.
        year_sums = {y: _weighted_sum(f"{y:04d}", 6) for y in range(earliest.year, latest.year + 1)}
        md_sums = {md: _weighted_sum(md, 10) for md in {s[4:] for s in self._date_digits}}
        self._date_sums = [year_sums[int(s[:4])] + md_sums[s[4:]] for s in self._date_digits]

        self._seq_digits = [f"{i:03d}" for i in range(1000)]
        self._seq_sums = [_weighted_sum(s, 14) for s in self._seq_digits]
        # A fixed (per seed) order in which each slot hands out its sequence codes.
        self._seq_orders: list[list[int]] = []
        for codes in _SEQ_BY_SEX:
            order = list(codes)
            self._rng.shuffle(order)
            self._seq_orders.append(order[:_MAX_PER_SLOT])
        self._counters: bytearray | None = None  # allocated on first use

        surnames, weights = zip(*_SURNAMES, strict=True)
        self._surnames = list(surnames)
        self._surname_cum = list(accumulate(weights))
        self._surname_total = self._surname_cum[-1]
        self._given = (list(_FEMALE_CHARS), list(_MALE_CHARS))
        self._towns = [a + b for a in _PLACE_FIRST for b in _PLACE_SECOND if a != b]
        self._villages = self._towns
        self._mobile_prefixes = list(_MOBILE_PREFIXES)
        self._usccs: set[str] = set()

    # --- people ------------------------------------------------------------------------------------

    def person(self) -> FakePerson:
        """The next fake person."""
        r = self._random
        male = r() < 0.5
        sex_index = 1 if male else 0
        region, day, seq = self._draw_identity(sex_index)
        check = RESIDENT_ID_CHECK_CHARS[
            (self._region_sums[region] + self._date_sums[day] + self._seq_sums[seq]) % 11
        ]
        resident_id = self._region_codes[region] + self._date_digits[day] + self._seq_digits[seq] + check
        return FakePerson(
            name=self._name(sex_index),
            sex="male" if male else "female",
            birth_date=self._dates[day],
            resident_id=resident_id,
            mobile=self._mobile(),
            address=self._address(region),
        )

    def people(self, n: int) -> Iterator[FakePerson]:
        """The next ``n`` fake people."""
        for _ in range(n):
            yield self.person()

    def _draw_identity(self, sex_index: int) -> tuple[int, int, int]:
        """(region index, date index, sequence code) never returned before by this generator."""
        r = self._random
        n_regions = len(self._region_codes)
        n_days = len(self._dates)
        counters = self._counters
        if counters is None:
            counters = self._counters = bytearray(n_regions * n_days * 2)
        order = self._seq_orders[sex_index]
        slots = len(order)
        for _ in range(10_000):
            region = int(r() * n_regions)
            day = int(r() * n_days)
            key = (region * n_days + day) * 2 + sex_index
            used = counters[key]
            if used < slots:
                counters[key] = used + 1
                # Start each slot at a different place in the order so codes look spread out.
                return region, day, order[(used + key * 7919) % slots]
        raise RuntimeError("no unused resident ID numbers left for these ages and regions")

    def _name(self, sex_index: int) -> str:
        r = self._random
        surname = self._surnames[bisect(self._surname_cum, r() * self._surname_total)]
        chars = self._given[sex_index]
        n = len(chars)
        if r() < 0.3:
            return surname + chars[int(r() * n)]
        return surname + chars[int(r() * n)] + chars[int(r() * n)]

    def _mobile(self) -> str:
        r = self._random
        prefixes = self._mobile_prefixes
        return f"{prefixes[int(r() * len(prefixes))]}{int(r() * 100_000_000):08d}"

    def _address(self, region: int) -> str:
        r = self._random
        towns = self._towns
        villages = self._villages
        return (
            f"{self._region_prefixes[region]}"
            f"{towns[int(r() * len(towns))]}{_TOWN_SUFFIXES[int(r() * 4)]}"
            f"{villages[int(r() * len(villages))]}村"
            f"{_NUMERALS[int(r() * 12)]}组{int(r() * 120) + 1}号"
        )

    # --- organisations -----------------------------------------------------------------------------

    def organisation(self) -> FakeOrganisation:
        """The next fake organisation: a farmers' cooperative, a company or an individual business."""
        r = self._random
        representative = self.person()
        region = self._region_codes.index(representative.resident_id[:6])
        county = self._region_counties[region]
        town = self._towns[int(r() * len(self._towns))] + _TOWN_SUFFIXES[int(r() * 4)]
        brand = _BRAND_CHARS[int(r() * len(_BRAND_CHARS))] + _BRAND_CHARS[int(r() * len(_BRAND_CHARS))]
        roll = r()
        if roll < 0.5:
            kind, category = "cooperative", "93"
            name = f"{county}{town}{brand}{_COOP_TRADES[int(r() * len(_COOP_TRADES))]}专业合作社"
        elif roll < 0.8:
            kind, category = "company", "91"
            name = f"{county}{brand}{_COMPANY_TRADES[int(r() * len(_COMPANY_TRADES))]}有限公司"
        else:
            kind, category = "individual_business", "92"
            name = f"{county}{town}{brand}{_SHOP_TRADES[int(r() * len(_SHOP_TRADES))]}"
        return FakeOrganisation(
            name=name,
            uscc=self._uscc(category, self._region_codes[region]),
            kind=kind,
            legal_representative=representative,
            mobile=representative.mobile if r() < 0.6 else self._mobile(),
            address=self._address(region),
        )

    def organisations(self, n: int) -> Iterator[FakeOrganisation]:
        """The next ``n`` fake organisations."""
        for _ in range(n):
            yield self.organisation()

    def _uscc(self, category: str, region_code: str) -> str:
        """A new code: category, region, a GB 11714 organisation code (``MA`` + 6 + check), check."""
        r = self._random
        body_alphabet = USCC_ALPHABET  # letters I O S V Z are not allowed in a USCC
        while True:
            body = "MA" + "".join(body_alphabet[int(r() * len(body_alphabet))] for _ in range(6))
            first17 = category + region_code + body + _organisation_code_check_char(body)
            code = first17 + uscc_check_char(first17)
            if code not in self._usccs:
                self._usccs.add(code)
                return code


def _organisation_code_check_char(body: str) -> str:
    """GB 11714-1997 check character for an 8-character organisation code body."""
    total = sum(int(ch, 36) * w for ch, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)
