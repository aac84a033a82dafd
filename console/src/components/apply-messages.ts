import { defineMessages } from "../i18n/messages.js";

export const APPLY_MESSAGES = defineMessages(
  {
    title: "申请共享",
    provider: "提供单位",
    coordinates: "字段（每行一个，类型.字段；或类型名表示该类型全部字段）",
    purpose: "用途",
    justification: "申请理由",
    validDays: "有效期（天，1–1095）",
    submit: "提交申请",
    filed: "已提交申请 {id}",
    status: "状态",
    dueBy: "答复期限（工作日）",
    cancel: "取消",
  },
  {
    title: "Apply for access",
    provider: "Provider",
    coordinates: "Fields (one per line, Type.field; or a type name for all its fields)",
    purpose: "Purpose",
    justification: "Justification",
    validDays: "Valid for (days, 1–1095)",
    submit: "Submit application",
    filed: "Application {id} filed",
    status: "Status",
    dueBy: "Answer due by (working days)",
    cancel: "Cancel",
  },
);
