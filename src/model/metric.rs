//! What a figure measures (metric), in which unit, for which sector or rating class.

use crate::i18n::Lang;

keyed_enum! {
    /// What a figure measures.
    Metric {
        /// Number of cooperatives.
        Cooperatives = "cooperatives", "Số hợp tác xã", "Cooperatives";
        /// Cooperatives reported as operating.
        CooperativesOperating = "cooperatives_operating", "Số HTX đang hoạt động", "Operating cooperatives";
        /// Cooperatives reported as not operating (a subset of the total).
        CooperativesInactive = "cooperatives_inactive", "Số HTX không hoạt động", "Inactive cooperatives";
        /// Cooperatives with fewer than 10 workers (a subset of the total).
        CooperativesSmall = "cooperatives_small", "Số HTX có dưới 10 lao động", "Cooperatives with fewer than 10 workers";
        /// Cooperatives newly founded over a period.
        CooperativesNew = "cooperatives_new", "Số HTX thành lập mới", "New cooperatives";
        /// Unions of cooperatives.
        Unions = "unions", "Số liên hiệp HTX", "Unions of cooperatives";
        /// Cooperative groups.
        CooperativeGroups = "cooperative_groups", "Số tổ hợp tác", "Cooperative groups";
        /// Member units of a cooperative alliance.
        AllianceMembers = "alliance_members", "Đơn vị thành viên Liên minh HTX", "Cooperative alliance member units";
        /// Cooperatives among the member units of an alliance.
        AllianceMemberCooperatives = "alliance_member_cooperatives", "HTX là thành viên Liên minh HTX", "Cooperatives in the alliance's membership";
        /// Enterprises among the member units of an alliance.
        AllianceMemberEnterprises = "alliance_member_enterprises", "Doanh nghiệp là thành viên Liên minh HTX", "Enterprises in the alliance's membership";
        /// Total charter capital.
        CharterCapital = "charter_capital", "Vốn điều lệ", "Charter capital";
        /// Total capital.
        TotalCapital = "total_capital", "Tổng nguồn vốn", "Total capital";
        /// Total assets.
        TotalAssets = "total_assets", "Tổng tài sản", "Total assets";
        /// Total revenue.
        Revenue = "revenue", "Tổng doanh thu", "Total revenue";
        /// Total pre-tax profit.
        Profit = "profit", "Tổng lợi nhuận", "Total profit";
        /// Average revenue per cooperative per year.
        RevenuePerCooperative = "revenue_per_cooperative", "Doanh thu bình quân một HTX", "Average revenue per cooperative";
        /// Average profit per cooperative per year.
        ProfitPerCooperative = "profit_per_cooperative", "Lợi nhuận bình quân một HTX", "Average profit per cooperative";
        /// Members.
        Members = "members", "Số thành viên", "Members";
        /// Regular workers.
        Workers = "workers", "Số lao động", "Workers";
        /// Average income of a member.
        IncomePerMember = "income_per_member", "Thu nhập bình quân của thành viên", "Average income per member";
        /// Average income of a worker.
        IncomePerWorker = "income_per_worker", "Thu nhập bình quân của người lao động", "Average income per worker";
        /// Share of cooperatives in a rating class.
        RatingShare = "rating_share", "Xếp loại HTX", "Cooperative ratings";
        /// Training classes held.
        TrainingClasses = "training_classes", "Lớp tập huấn, bồi dưỡng", "Training classes";
        /// People trained.
        Trainees = "trainees", "Lượt người được tập huấn", "People trained";
        /// Cooperative participations in trade fairs.
        FairParticipations = "fair_participations", "Lượt HTX tham gia hội chợ", "Trade fair participations";
        /// Cooperatives given a kind of support.
        CooperativesSupported = "cooperatives_supported", "HTX được hỗ trợ", "Cooperatives supported";
        /// Conferences, dialogues or fairs organised.
        Events = "events", "Sự kiện tổ chức", "Events organised";
        /// People's credit funds (QTDND) that a source lists beside, not inside, its count of cooperatives.
        CreditFunds = "credit_funds", "Quỹ tín dụng nhân dân (nêu riêng)", "People's credit funds (listed separately)";
        /// Cooperatives reported as operating effectively (hoạt động hiệu quả).
        CooperativesEffective = "cooperatives_effective", "Số HTX hoạt động hiệu quả", "Cooperatives operating effectively";
        /// Share of cooperatives reported as operating effectively.
        CooperativesEffectiveShare = "cooperatives_effective_share", "Tỷ lệ HTX hoạt động hiệu quả", "Share of cooperatives operating effectively";
        /// Tasks in a work programme or plan (its listed parts carry `part`).
        PlannedTasks = "planned_tasks", "Nhiệm vụ trong chương trình công tác", "Tasks in a work programme";
        /// Commendations given, to collectives or to individuals (the unit says which).
        Awards = "awards", "Khen thưởng (tập thể, cá nhân)", "Commendations (collectives, individuals)";
        /// Booths at a fair or market.
        FairBooths = "fair_booths", "Gian hàng tại hội chợ", "Fair booths";
        /// Clubs (câu lạc bộ) founded or supported.
        Clubs = "clubs", "Câu lạc bộ", "Clubs";
    }
}

keyed_enum! {
    /// The unit a value is stored in (base units: đồng, persons, percent).
    Unit {
        /// Cooperatives (HTX).
        Cooperatives = "cooperatives", "HTX", "cooperatives";
        /// Unions of cooperatives.
        Unions = "unions", "LHHTX", "unions";
        /// Cooperative groups.
        Groups = "groups", "THT", "groups";
        /// Member units.
        Units = "units", "đơn vị", "units";
        /// Enterprises.
        Enterprises = "enterprises", "doanh nghiệp", "enterprises";
        /// Persons.
        Persons = "persons", "người", "people";
        /// Vietnamese đồng.
        Vnd = "vnd", "đồng", "VND";
        /// Đồng per person per month.
        VndPerMonth = "vnd_per_month", "đồng/người/tháng", "VND per person per month";
        /// Đồng per person per year.
        VndPerYear = "vnd_per_year", "đồng/người/năm", "VND per person per year";
        /// Percent.
        Percent = "percent", "%", "%";
        /// Classes.
        Classes = "classes", "lớp", "classes";
        /// Participations (lượt).
        Participations = "participations", "lượt", "participations";
        /// Events.
        Events = "events", "sự kiện", "events";
        /// People's credit funds.
        Funds = "funds", "quỹ", "funds";
        /// Tasks.
        Tasks = "tasks", "nhiệm vụ", "tasks";
        /// Collectives (tập thể) as recipients of a commendation.
        Collectives = "collectives", "tập thể", "collectives";
        /// Booths (gian hàng).
        Booths = "booths", "gian hàng", "booths";
        /// Clubs.
        Clubs = "clubs", "câu lạc bộ", "clubs";
    }
}

keyed_enum! {
    /// The sector a figure is for.
    Sector {
        /// Agriculture, forestry, fishery, salt.
        Agriculture = "agriculture", "Nông, lâm, ngư nghiệp", "Agriculture";
        /// Industry and handicraft.
        IndustryHandicraft = "industry_handicraft", "Công nghiệp, TTCN", "Industry & handicraft";
        /// Construction.
        Construction = "construction", "Xây dựng", "Construction";
        /// Trade and services.
        TradeServices = "trade_services", "Thương mại, dịch vụ", "Trade & services";
        /// Transport.
        Transport = "transport", "Vận tải", "Transport";
        /// People's credit funds and credit.
        Credit = "credit", "Tín dụng (QTDND)", "Credit (people's credit funds)";
        /// General (multi-purpose) cooperatives.
        General = "general", "Tổng hợp", "General";
        /// Non-agricultural, not split further.
        NonAgriculture = "non_agriculture", "Phi nông nghiệp", "Non-agricultural";
        /// Other sectors.
        Other = "other", "Lĩnh vực khác", "Other";
    }
}

keyed_enum! {
    /// A rating class of cooperatives.
    Rating {
        /// Good.
        Good = "good", "Tốt", "Good";
        /// Good or fair, reported together.
        GoodOrFair = "good_or_fair", "Khá, tốt", "Good or fair";
        /// Fair.
        Fair = "fair", "Khá", "Fair";
        /// Average.
        Average = "average", "Trung bình", "Average";
        /// Weak.
        Weak = "weak", "Yếu", "Weak";
    }
}

impl Metric {
    /// The units this metric may be stored in.
    pub fn allowed_units(self) -> &'static [Unit] {
        use Metric::*;
        match self {
            Cooperatives | CooperativesOperating | CooperativesInactive | CooperativesSmall | CooperativesNew | CooperativesSupported
            | AllianceMemberCooperatives | CooperativesEffective => &[Unit::Cooperatives],
            AllianceMemberEnterprises => &[Unit::Enterprises],
            Unions => &[Unit::Unions],
            CooperativeGroups => &[Unit::Groups],
            AllianceMembers => &[Unit::Units],
            CharterCapital | TotalCapital | TotalAssets | Revenue | Profit | RevenuePerCooperative
            | ProfitPerCooperative => &[Unit::Vnd],
            Members | Workers | Trainees => &[Unit::Persons],
            IncomePerMember | IncomePerWorker => &[Unit::VndPerMonth, Unit::VndPerYear],
            RatingShare | CooperativesEffectiveShare => &[Unit::Percent],
            TrainingClasses => &[Unit::Classes],
            FairParticipations => &[Unit::Participations],
            Events => &[Unit::Events],
            CreditFunds => &[Unit::Funds],
            PlannedTasks => &[Unit::Tasks],
            Awards => &[Unit::Collectives, Unit::Persons],
            FairBooths => &[Unit::Booths],
            Clubs => &[Unit::Clubs],
        }
    }
}

impl Unit {
    /// True when values in this unit count whole things (and must be whole numbers).
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Unit::Cooperatives
                | Unit::Unions
                | Unit::Groups
                | Unit::Units
                | Unit::Enterprises
                | Unit::Persons
                | Unit::Classes
                | Unit::Participations
                | Unit::Events
                | Unit::Funds
                | Unit::Tasks
                | Unit::Collectives
                | Unit::Booths
                | Unit::Clubs
        )
    }

    /// True for amounts of money.
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Vnd | Unit::VndPerMonth | Unit::VndPerYear)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for m in Metric::ALL {
            assert_eq!(Metric::from_key(m.key()), Some(*m));
            assert!(!m.allowed_units().is_empty());
        }
        for u in Unit::ALL {
            assert_eq!(Unit::from_key(u.key()), Some(*u));
        }
        assert_eq!(Sector::from_key("credit"), Some(Sector::Credit));
        assert_eq!(Rating::from_key("nope"), None);
    }
}
