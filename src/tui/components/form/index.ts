export { Form, type FormField, type FormProps } from './form.js';
export { formReducer, type FormValues, type FormErrors, type FormState, type FormAction } from './use-form-state.js';
